package understand

// The safety lexicon's third part: the cues that tell a crisis through its
// circumstances rather than its name. A young person rarely writes "jeg
// bliver udsat for vold"; they write that a chair was smashed on them,
// that the locks were changed, that they stood by the tracks and waited.
// Each group below is one such circumstance, written for the category it
// belongs to, with the everyday uses of the same words blocked or framed.

const (
	// the verbs of hurting someone, in every tense, that take the victim
	// as object ("nev og kradsede mig", "gik amok på mig")
	daHurt = "slår|slog|slået|sparker|sparkede|sparket|tæver|tævede|tævet|tæsker|tæskede|tæsket|banker|bankede|" +
		"banket|skubber|skubbede|skubbet|kvæler|kvalte|kvalt|nev|niver|knibe|kniber|kneb|kradser|kradsede|bider|bidt|" +
		"smadrer|smadrede|kaster|kastede|smider|smed|hiver|hev|river|rev|trækker|trak|slæber|slæbte|sparkede|" +
		"spytter|spyttede|rusker|ruskede|ryster|rystede|klasker|klaskede|smækker|smækkede|pisker|piskede|prygler|pryglede"
	// a young person's own body, definite, as Danish says it ("på armen")
	daOwnBody = "armen|armene|låret|lårene|håndleddet|håndleddene|huden|maven|benene|hofterne|anklerne"
	// basic needs at home
	daChildAge = "11|12|13|14|15|16|17"
)

var safetyCues = []termGroup{
	// suicide
	{KindSuicide, []string{
		"(gider|orker|kan) ...2 (det her liv|dette liv|mit liv|livet) ...3 (længere|mere|meget længere)",
		"tror ikke jeg (gider|orker|kan) (leve|det her liv|livet|mere)",
		"(easiest|quickest|fastest|best|least painful|painless|simplest) (way|ways|method) to (go|die|do it|end it|kill myself)",
		"(nemmeste|hurtigste|bedste|mindst smertefulde) (måde|metode) at (dø|gøre det|gøre en ende|slippe væk|tage sit liv)",
		"(without it hurting|uden at det gør ondt)",
		pills + " ...2 (gemt|samlet|klar|sparet|hidden|saved|ready|stashed|lagt til side)",
		"(til|for) når det (bliver|blir) for meget", "for when it (gets|becomes) too much",
		"(togsporet|togskinnerne|skinnerne|sporet|perronkanten|banelegemet|tracks|the tracks|railway) ...4 (stået|stod|står|ventet|venter|ligget|lå|sat|sad|stood|waited|waiting|lay|lying)",
		"(stået|stod|står|ventet|venter|ligget|lå|stood|waited|waiting) ...3 (ved|på|on|at|by) (togsporet|togskinnerne|skinnerne|sporet|perronkanten|the tracks|the railway)",
		"(lade være med at|stop|stoppe med at|holde op med at) (trække vejret|breathing|ånde)",
		"(tired|sick) of (existing|being alive|being here)", "træt af at (eksistere|være i live|være til|være her)",
		"ikke (være til|eksistere) (mere|længere)",
		"(tænker|tænkt|tænkte|forestiller|forestillet|think|thinking|imagine|imagining|planned|planlagt|planlægger) ...6 (min|my) (begravelse|funeral)",
		"(giving|given|gave|give) away my (stuff|things|belongings)", "(giver|givet|gav|foræret|forærer) ...3 (mine ting|alle mine ting|mit tøj) (væk|bort|til)",
		"hvis jeg ...2 (var død|døde|var væk|ikke var her|forsvandt) ...6 (væk|løst|slut|bedre|nemmere|glade|lettere|fri|forbi)",
		"if i ...2 (was dead|were dead|died|was gone|were gone|disappeared) ...6 (better|easier|over|solved|gone|happier|free)",
		"(drukne|drukner|druknede|forgifte|forgifter|forgiftede|skyde|skyder|hænge|hænger|kvæle|kvæler|dræbe) mig selv",
		"(drown|poison|shoot|hang|suffocate|strangle|starve) myself",
		"(ikke har|har ikke|har ingen) (nogen|nogen andre|andre) at sige farvel til",
	}},
	{"+farewell", []string{"(undskyld|sorry|tilgiv mig|forgive me) ...4 (for alt|for everything)", "sige|siger|sagt|sagde farvel"}},
	{"+final", []string{"(inden|før|before) (jeg går|jeg forsvinder|i go|im gone|i leave|det er for sent)", "i nat|i aften"}},
	{"+cantgoon", []string{"kan ikke mere", "orker ikke mere", "(cant|cannot) (do this|go on|take it) (anymore|any more)"}},

	// self-harm
	{KindSelfHarm, []string{
		"(bliver ved med at|stoppe med at|holde op med at|kan ikke lade være med at|lover mig selv at stoppe med at|begyndt at|begyndte at|startet med at) ...2 (skære|cutte|ridse|brænde mig|skade mig)",
		"skære|cutte|ridse selv", "(skærer|cutter|ridser|brænder) (når|hver gang|efter) (jeg|jg)",
		"(barberblad*|razor*|blade|blades|barberkniv*) ...3 (frem|igen|again|out)",
		"(i|im|ive) ...2 (hit|hitting|punch|punching|scratch|scratching|cut|cutting|burn|burning|bite|biting|bang|banging) my (legs|arms|thighs|stomach|wrists|skin|head|face)",
		"(till|until|til) (theyre|they are|its|it is) (purple|bruised|bleeding|red|raw|blue)",
		"(til|indtil|until|till) (der kommer|it) (blod|bleeds)",
		"skolde|skolder|skoldede|skoldet mig (selv|)",
		"(mine|my) (håndled|wrists) ...4 (forfærdelig*|slem*|awful|terrible|horrible|blodige|bloody|ødelagte)",
		"(har|have|been) (cuttet|cuttede|skåret|cutting) # (gange|times)",
	}},
	{"+cutact", []string{
		"skære|skærer|skar|skåret|ridse|ridser|ridsede|ridset|cutte|cutter|cuttede|cuttet|brænder|brændte|brændt|brænde|" +
			"carve|carved|carving|skolde|skolder|skoldede|bider|bide|kradser|kradsede|scratch|scratched|burn|burned|burnt|cut",
	}},
	{"+mybody", []string{"(mit|min|mine|my|i|på) ...1 " + cutBody, daOwnBody}},
	{"+accident", []string{"solen|sun|sunburn|solskoldet|solbrændt|stranden|beach|hegn|hegnet|fence|pigtråd|gren|grenen|branch|hest|hesten|horse|pony|ridning|riding", "komfur*|ovn|ovnen|oven|stove|strygejern*|iron|grill|bål|bålet|campfire|uheld|søm|sømmet|papir|paper", "by accident"}},

	// eating disorder
	{"+restrict", []string{"(drikker|spiser|drak|spiste) kun", "(skip|skipped|skipping) (breakfast|lunch|dinner|meals)"}},
	{"+guilteat", []string{
		"(ulækker|klam|fed|tyk|skyldig|disgusting|gross|fat|guilty) ...4 (efter|after) (jeg|i) ...2 (spiser|har spist|spist|eat|ate|have eaten)",
	}},
	{"+purge", []string{
		"(kaste|kaster|kastede|brække|brækker|brækkede) (det|maden|alt|det hele|) ...1 op", "(throw|throwing|threw|puke|puking) (it|everything|) ...1 up",
	}},
	{"+eat", []string{"spise|spiser|spist|spiste|eat|ate|eating|måltid*|meal|meals|maden|food|mad"}},
	{"+party", []string{"fuld|fulde|drunk|drak|alkohol|alcohol|druk|fest|festen|party|karrusel*|rutsjebane*|rollercoaster|køresyg|carsick|gravid|pregnant"}},
	{"+weightloss", []string{"tabt mig", "tabt # kilo|kg", "lost # kg|kilos|pounds|lbs", "lost so much weight", "tabt (mig |)(så |)(meget|mange kilo)"}},
	{"+fatself", []string{"(stadig|still|alt for|too|for|så) (tyk|fed|fat|big|stor)", "(feel|føler mig) (fat|tyk|fed)"}},
	{KindEatingDisorder, []string{
		"(vejer|weigh) # (kilo|kg|kilos|pounds|lbs) ...6 (ned på|ned til|down to|under|get to) #",
		"(chew|chewing|tygger) ...3 (spit|spitting|spytter|spytte) ...2 (out|ud)",
		"(forbrænde|forbrænder|burn off|burn) ...3 (det jeg spiser|what i eat|alt jeg spiser|everything i eat|maden|the food|kalorierne|the calories|det jeg har spist)",
		"(bange for|scared of|afraid of|terrified of|tør ikke) (at spise|eating|to eat)",
		"(springer|skipper|skip|skipping|dropper) ...2 (morgenmad|frokost|aftensmad|breakfast|lunch|dinner) (og|and|eller|or) (morgenmad|frokost|aftensmad|breakfast|lunch|dinner)",
		"spiser (kun |bare |)(et|en|ét) (æble|gulerod|knækbrød|rugbrød|yoghurt|banan) (om dagen|til aften|hele dagen|i alt)",
	}},

	// violence
	{KindViolence, []string{
		"(slammed|threw|pushed|shoved|pinned|smashed|thrown|slams|throws|pushes) me (against|into|onto|to|down) (the |a |)(wall|door|floor|ground|table|car|stairs|bed)",
		"(smadrede|smadrer|slog|brækkede|knuste|kastede|kaster|smed) ...3 (på|over|i hovedet på|mod|efter) mig",
		"(går|gik|gået|flipper|flippede|flippet) (amok|ud) (på|over) (mig|os)",
		"(is it normal|is it ok|is it okay|er det normalt|er det ok|er det okay|er det vold) ...4 (to hit|to beat|to slap|at slå|at tæske|at banke|at give|hit|beat|slap)",
		daClose + " ...3 " + daHurt + " ...2 (mig|os) ...3 (så|til) (jeg|det) (bløder|blødte|fik|får|græd|ikke kunne)",
		daClose + " ...2 " + daHurt + " (og|&) ...2 " + daHurt + " (mig|os)",
		"(kastede|kaster|smed|smider|skubbede|skubber|sparkede|slæbte|hev|trak|skubbet|kastet) mig ...2 (ned ad|ned af|ned på|ind i|mod|gennem|ud af) (trappen|gulvet|væggen|døren|vinduet|bordet|skabet|trapperne)",
	}},

	// sexual abuse
	{KindSexualAbuse, []string{
		"(vist|viser|viste|showed|shown|shows) (mig|me) (sin|sit|hans|his|her) (tissemand|pik|diller|krop|penis|dick|privates)",
		"(gør|gjorde) (han|hun|de) (ting|noget|sådan noget)$",
		"(tog|tager|rørte|rører|greb|griber|grabbed|touched|grabs|touches) (mig|me) (mellem benene|i skridtet|på numsen|på brysterne|between my legs|on my butt|on my boobs|on my chest)",
		"(filmede|filmet|optog|optaget|filmed|recorded) ...6 (sex|nøgen|naked|i bad|in the shower|uden tøj)",
		"(onanerede|onanerer|masturberede|masturberer|masturbated|masturbating|jerked off|blottede sig|blotter sig|flashed|exposed himself) ...3 (foran mig|in front of me|me|for mig|til mig)",
		"(noget|something|ting) (skete|happened|er sket|has happened) ...8 (jeg ikke ville|i didnt want|ikke ville|i did not want)",
	}},
	{"+bekind", []string{"(være sød|være god|være rar) (ved|mod) (ham|hende)", "be nice to him"}},
	{"+undress", []string{
		"(taget|tog|trak|trukket|hev|tage|tager|take|took|pulled|taken) (af |)(mine|min|mit|my|din|dit|your) (bukser|trusser|underbukser|tøj|trøje|bh|top|pants|underwear|clothes|shirt|bra) ...1 (af|ned|off|down|)",
		"take off (my|your) (top|shirt|clothes|pants|bra)",
	}},
	{"+nonconsent", []string{"uden (at |)jeg vidste (det|noget)", "without me knowing", "(vågnede|woke up)"}},

	// grooming
	{"+agecheck", []string{"(hvor gammel|how old) (jeg er|i am|im)", "(asked|asks|spurgte|spørger) ...2 (my age|min alder|hvor gammel)"}},
	{"+online", []string{"omegle|kik|wickr|telegram|reddit|onlyfans|yubo|wizz|monkey|gaming|twitch|snapchatten|dm|dms|camera|kamera|facetime|cam"}},
	{"+secret", []string{
		"så (mine forældre|min mor|min far|mor|far|de voksne|ingen) ikke (kan se|ser|ved|finder ud af|opdager)",
		"so my (parents|mom|mum|dad) (cant see|dont know|wont find out|dont find out)",
	}},
	{"+adult", []string{"*træner|*træneren|*lærer|*læreren|*coach|*pædagog", "(a man|en mand|a guy|some guy|en voksen|an adult)"}},
	{"+flatter", []string{"hvor (lækker|sexet|smuk|hot|pæn|flot|moden) jeg er", "how (hot|sexy|pretty|mature|beautiful) i am", "søde ting"}},
	{"+money", []string{"(have|kræver|wants|want|demands|demanded|betale|pay) #100", "(købe|købt|køber|buy|bought|buys) (mig|me) (ting|gaver|tøj|stuff|things|gifts|skins|robux)"}},
	{"+romance", []string{"kærester|kæreste|dating|boyfriend|girlfriend|forelsket|dater", "(elsker mig|loves me|in love)"}},
	{"+minorself", []string{"(jeg er|im|i am|og jeg er|and im) (" + daChildAge + ")", "(jeg er|im|i am) (kun|only) #"}},
	{KindGrooming, []string{
		"(voksen|voksne|mand|adult|man|guy) ...6 (givet|gav|købt|købte|gave|bought) (mig|me) (en|a) (telefon|mobil|phone|simkort|sim card)",
		"(lokket|lokkede|tricked|manipulated|manipuleret) ...3 (til at |into |to |)(sende|send|sending) ...2 (billeder|billede|video|nudes|pics|photos)",
		"(han|hun|he|she|hes|shes) (er |is |)#18 ...6 (jeg er|im|i am|og jeg er|and im|and i am) (" + daChildAge + ")",
	}},

	// abuse
	{"+insultcall", []string{
		"(calls|call|called|kalder|kaldte|kaldt) (me|mig) (a |en |et |)(waste of space|spild af plads|mistake|uheld|accident|tyk so|fed so|fede so|nothing)",
		"(siger|sagde|says|said) (at |that |)(jeg er|im|i am|i was) (et |en |a |an |)(uheld|accident|waste of space|spild af plads)",
		"(siger|says|said|sagde) ...3 (ingen|nobody|no one) (vil have|wants|will ever love|vil elske|kan lide) (mig|me)",
	}},
	{"+joking", []string{"jokingly|driller|drillede|teasing|teases|joking|spøg", "(laver sjov|for sjov|i sjov|as a joke|for fun)"}},
	{KindAbuse, []string{
		"(ignorerer|ignorerede|ignores|ignored|fryser mig ud|silent treatment) ...4 (dagevis|days|som straf|as punishment|uger|weeks)",
		"(ydmyger|ydmygede|ydmyget|humiliates|humiliated|humiliate) (mig|me)",
		"(if i leave|hvis jeg slår op|hvis jeg forlader|if i break up) ...6 (hell|shell|han vil|han skal|hun vil|tell|fortælle|sprede|spread|hurt|ruin|ødelægge)",
		"(ikke lov til|må ikke) (at |)(spise|være) (med|sammen med) (familien|resten af familien|os|de andre)",
	}},
	{"+breakmine", []string{"(smadrer|smadrede|ødelægger|ødelagde|smashes|smashed|breaks|broke) (mine|my) (ting|stuff|things|telefon|phone|værelse|room)"}},
	{"+strongcontrol", []string{"(styrer|styrede|bestemmer|controls) ...3 (hvem|hvad|hvor|who|what|where) (jeg|i)"}},
	{"+home", []string{"at home|derhjemme"}},

	// danger
	{KindDanger, []string{
		"(truet|truer|truede|threatened|threatens) (mig |me |)(på livet|with death|to kill me)", "dødstrussel*", "death threat*",
		"(sparke|sparker|bryde|bryder|smadre|smadrer|kick|kicking|break|breaking) (døren|vinduet|the door|my door) (ind|op|down|in)",
		"(keeps|keep|kept) (driving|coming|walking|showing up) ...2 (past|by|around|outside|at) my (house|home|school|door)",
		"(kører|går|kommer) forbi ...3 (hele tiden|igen og igen|flere gange|hver dag)",
		"(found out|knows|figured out|fandt ud af|fundet ud af|ved|finder ud af) (where i live|hvor jeg bor|hvilken skole|which school|where i go to school)",
		"(hes|shes|theyre|someone is|somebody is|he is|she is|they are) (trying|tryna) to (get|break) in",
		"(han|hun|de|nogen) (prøver|forsøger) at (komme|bryde) ind$",
		"venter|står ...2 på mig (ved|udenfor|efter|nede)", "(showed|turned) up ...3 (my house|my school|last night|at my)",
	}},
	{"+lurk", []string{"(står|venter|holder|sidder) ...3 (på gaden|udenfor|foran|nede|ved døren|ved skolen|ved stationen|uden for)", "(outside|waiting) ...2 (my house|my school|the door|for me)"}},
	{"+present", []string{"(han|hun|de|he|she|they) (er|is|are) (her|here) (nu|now|lige nu|right now|igen|again)"}},
	{"+fear", []string{"tør ikke (at |)(gå|tage|komme) (ud|udenfor|ned|hjem)"}},

	// forced marriage
	{KindForcedMarriage, []string{
		"(for at|så|fordi) jeg skal (giftes|gifte mig|forloves|blive gift)",
		"hvem jeg skal (giftes|gifte mig) med", "who (i|im) (going to|gonna|have to|will) marry",
		"(wedding|marry|married|gift|giftes|bryllup) ...6 (never met|aldrig har mødt|aldrig mødt|ikke kender|dont know|do not know)",
		"planning my wedding", "planlægger mit bryllup",
		"(taget|tog|took|taken|gemt|hidden|hid) ...4 (mit pas|pas|passet|my passport|passport)",
		"(gift|giftet|blevet gift|married|got married) ...8 (jeg er kun|im only|og jeg er|i am only) #",
		"(gift|giftet|married|forlovet|engaged) ...6 (jeg ville ikke|i didnt want|mod min vilje|against my will)",
	}},
	{"+abroad", []string{"pakistan|tyrkiet|somalia|irak|iran|afghanistan|libanon|marokko|syrien|palæstina|eritrea|hjemlandet|turkey|iraq|morocco|syria|lebanon|bangladesh|indien|india"}},
	{"+guest", []string{"(kusines|fætters|søsters|brors|vens|venindes|onkels|tantes|mosters|fasters|cousins|sisters|brothers|friends) (bryllup|wedding)", "(til et|til|to a) (bryllup|wedding)"}},
	{"+wedding", []string{"bryllup|brylluppet|giftes|gift|gifte|forlove*|married|marry|wedding|engaged|brudgom|groom"}},
	{"+metrip", []string{"jeg skal (rejse|sendes)", "(i have to|im going|they are taking me|theyre taking me|theyre sending me) (go|to)", "(sender|sende) mig"}},

	// neglect
	{KindNeglect, []string{
		"(vi|jeg) (får|fik) (aldrig|ikke|sjældent) (aftensmad|mad|morgenmad|noget at spise|varm mad|frokost)",
		"(mor|far|forældre|forældrene|mom|dad|parents|mum|de|hun|han) ...3 (fuld|fulde|drunk|high|skæv|skæve|stiv|stive|på stoffer) ...3 (hver dag|hele tiden|altid|every day|all the time)",
		"(doesnt|dont|never|wont|didnt) feed (us|me)", "ingen (der |)(passer|passer på|tager sig af|sørger for) (os|mig)",
	}},
	{"+noadult", []string{"(ikke ved|dont know|doesnt know|dont care) (hvor jeg er|where i am)", "(altid|always) (high|skæv)", "hospitalet|hospital"}},
	{"+caring", []string{"(lillesøster|lillebror|søskende|little sister|baby sister|little brother) ...4 (alene med mig|alone with me)"}},
	{"+nofood", []string{"køleskabet (er|har været) (helt |)tomt", "spiser kun ...4 (i skolen|at school)", "lukket for (varmen|strømmen|vandet)"}},
	{"+nobasics", []string{"(ingen|ikke noget|no) (sengetøj|dyne|seng|rent tøj|tøj der passer|bed|clean clothes|vinterjakke)", "beskidt tøj", "dirty clothes", "koldt (i lejligheden|i huset|derhjemme)"}},

	// homeless
	{KindHomeless, []string{
		"(skiftet|skiftede|changed|skifter) ...2 (låsen|låsene|lock|locks|the locks)",
		"(sleep|sleeping|slept|sove|sover|sov) (at|in|on|på|i) the (train station|station|bus station|park|street|streets)",
		"(smidt|smed|smider|kicked|threw) (os|us) (ud|out)", "(sat|smidt) ud af lejligheden", "(evicted|udsat)",
	}},
	{"+cantgohome", []string{"ikke må være (inde|hjemme|i huset|derhjemme)"}},
	{"+sleepout", []string{"sover|sove|sov (i|på) (et skur|en bil|en kælder|en opgang|en garage|et telt|skoven|en bænk|kælderen|skuret)"}},
	{"+street", []string{"(på gaden|on the streets|on the street)"}},

	// concern
	{idConcern, []string{
		"har det ...3 lort|pis|crap", "har det ...2 ad helvede",
		"(nobody|no one|noone) (ever |)(talks to|texts|invites|asks|hangs out with|sits with|has) (me|my back)",
		"(passer|passe) ikke ind", "ikke (passer|passe) ind", "(dont|don't|do not) fit in", "alt går galt", "everything goes wrong", "nothing goes right",
		"(im|i am|i feel|feeling|ive been|i've been) ...2 (sad|down|low|miserable|lonely|depressed|empty|numb|hopeless)",
		"føler mig ...2 dum|dårlig|svag|mislykket",
		"(mistet|lost) (alle|all) (mine|my) (venner|friends)",
		"(everything|my life|alt|mit liv|alting) ...2 (falling apart|falder fra hinanden|is a mess|er et rod|går i stykker)",
		"(ingen|nobody|no one) (ved|knows) (hvordan|how) (jeg|i) ...2 (har det|feel|am)",
		"(er|føler mig) (bare |)ikke mig selv", "(not|dont feel like) myself",
		"(hate|hader) (my life|mit liv|livet|life)", "(det hele|alt|livet) er ...2 (noget møg|noget lort|møg|lort)",
		"ingen (står|er) på min side", "ingen bakker mig op",
	}},
	{idFrame, []string{"(min|en|my|a) (ven|veninde|kammerat|friend|klassekammerat|classmate)"}},
	{blocked, []string{
		"cutte|cutter|cuttet|cuttede|cutting|cut ...4 *video|*videoer|*videoen|*film|*filmen|*klip|*klippet|capcut|premiere|davinci|imovie",
		"(opgave*|lektie*|skole*|eksam*|dagen|ugen|arbejde*|træning*|varme*|kulde*|matematik*|fysik*|sang*|film*|serie*|spil*|kedsomhed*|trætheden|stress|her) ...2 slår|slog|dræber|dræbte mig",
		"reb til (min |vores |)(hund*|hest*|klatring|sejlbåd*|båd*|gyngen|tovtrækning|sjippe*|tøjsnor|camping|teltet|spejder*)",
	}},
	// added with the fourth batch
	{KindSuicide, []string{
		"(how much longer|how long) ...3 (keep living|live like this|go on like this|keep going like this)",
		"(cant|cannot|can not) (keep living|live|go on) like this", "kan ikke leve (sådan her|sådan|på den her måde) (mere|længere)",
		"(ikke være|not be|wont be|won't be) (her|here|alive|i live) (i morgen|tomorrow|next week|næste uge|på mandag|much longer|meget længere)",
		"(ikke er) (alive|i live) (i morgen|next week|næste uge|much longer|meget længere)",
		"(dont think|tror ikke) (ill|i will|i'll|jeg) (be alive|er i live|lever|er her|be here) (next|næste|i morgen|tomorrow|much longer|meget længere)",
		"(har lagt|har|lavet|lagt|have|made) (en|a) plan ...3 (ved|know) (hvornår|hvordan|when|how)$",
	}},
	{"+ifgone", []string{"i tilfælde af at (jeg ikke er her|der sker mig noget|jeg dør|jeg ikke er her mere)"}},
	{"+nothere", []string{"(ikke er) (her|here) (i morgen|tomorrow|next week|næste uge|much longer|meget længere)"}},
	{"+myblades", []string{"(mine|my) (barberblade|barberblad|barberbladene|blades|razor blades)"}},
	{KindSelfHarm, []string{
		"(skære|skærer|cutte|cutter|ridse|ridser|brænde|brænder|slå|slår|skade|skader) (sig|mig|en) (selv |)...3 (for at|to) (slippe|føle|mærke|glemme|dulme|cope|feel|forget|numb|få det bedre)",
	}},
	{"+forcedeat", []string{"(tvinger|tvang|presser|pressede) (mig |)til at spise", "(make|makes|made|force|forces|forced) me (to |)eat"}},
	{"+eatdistress", []string{"græder|panik|cry|crying|panic", "(kaster op|throw up)"}},
	{"+moreloss", []string{"(vil|want to|wanna|skal) (tabe|lose) (mere|more|endnu mere)", "(selvom|even though|although) ...4 (tynd|thin|skinny|undervægtig|underweight)"}},
	{KindEatingDisorder, []string{
		"(afføring*|laxative*|vanddrivende|slankepille*|diet pills) ...4 (efter|after|hver dag|every day|for at tabe|to lose)",
		"(holde op|stoppe|stop|quit) (med at |)(spise|eating)$", "(holde op|stoppe) med at spise (helt|for at|så)",
	}},
	{KindViolence, []string{
		"(ens|din) " + daPerson + " ...2 " + daHit + "$", "(ens|din|min) " + daPerson + " " + daHit + " (en|dig|børn|sine børn)$",
	}},
	{"+approach", []string{"(kigger|glor|stirrer) ind"}},
	{KindDanger, []string{
		"(truet|truer|truede|threatened|threatens) (mig|me) (med|with) (en |a |et |)(kniv|knife|pistol|gun|våben|weapon|balltræ|bat|kniven)",
	}},
	{KindNeglect, []string{"ingen (der |)(laver|køber|giver) (os |mig |)mad (til os|til mig|$)", "(nobody|no one) (makes|cooks|buys) (us |me |)(food|dinner)"}},
	{KindHomeless, []string{"bor (ingen steder|ikke nogen steder|på gaden|hos venner|i min bil|i en bil)", "(nowhere|no where) to live", "not living anywhere"}},
	{idConcern, []string{"det går ikke (godt|så godt|særlig godt|så godt) med mig", "går (skidt|dårligt|ad helvede til) med mig", "things (arent|are not) (going|good) ...2 (well|good|for me)"}},
	// added with the fifth batch
	{KindSuicide, []string{
		"(tænkt|tænker|tænke|tænkte|overvejet|overvejer) på at (ende|afslutte|stoppe) (det|det hele|mit liv|livet|alt)",
		"(forsvinde|disappear|go away|tage væk) ...3 (aldrig komme tilbage|never come back)", "(ønske|ønsker) at jeg kunne forsvinde",
		"(er|bliver) her (alligevel|jo) ikke (længe|meget længere|mere)", "(wont|will not|am not going to) be (here|around) (much longer|for long|anyway)",
		"(planning|planned|plan|decided|deciding|going|gonna) (to |)(end it|end my life|kill myself|do it) (this|tonight|tomorrow|on|next|soon|today)",
		"(skrevet|skrev|sendt|sendte|written|wrote|sent) (farvel|goodbye) (til|to)",
		"(vil|ville) (egentlig |)(bare|gerne|helst) dø", "(vil|ville) egentlig dø",
		pills + " ...2 (gemt|samlet)", "(gemt|samlet|sparet|hamstret) ...5 " + pills,
	}},
	{"+calcount", []string{"(obsessed|besat) (with|af) (calories|kalorier|food|mad|my weight|vægten|min vægt|at tabe mig)"}},
	{KindEatingDisorder, []string{"(only|kun) (eat|spiser|eating) #100 (a day|om dagen|calories|kalorier|kcal)"}},
	{"+thoughtit", []string{"(tænkt|tænker|tænkte) på det$", "(thought|thinking) about it$"}},
	{"+nothere", []string{"hvis jeg ikke er her (i morgen|længere|mere)", "if im not here tomorrow"}},
	{"+excuse", []string{"syg|sick|lægen|doctor|tandlæge|dentist|fri|ferie|træning|arbejde|work|skole|school|camp|lejr|lejrskole", "til fest"}},
	{KindEatingDisorder, []string{"(spytter|spyttede|spit|spitting|spits) (maden|min mad|food|my food|it) (ud|out)"}},
	{"+restrict", []string{"(spiser|drikker) ...1 kun"}},
	{KindSexualAbuse, []string{
		"(rørt|rørte|rører|touched|touches|touching) (ved |)(mig|me) ...2 (på en måde|in a way) ...4 (ikke er okay|ikke er ok|forkert|ulækker|ubehagelig|wasnt okay|wrong|weird|uncomfortable|not okay|ikke var okay|ikke var ok)",
		"(hånd|hånden|hands|hand) (på|on) (mit|my) (lår|thigh|inderlår) ...3 (op|up|højere|higher|under)",
	}},
	{"+handon", []string{"(lagt|lagde|lægger|put|puts|putting) (sin |hans |his |her |)(hånd|hånden|hands|hand) (på|on) (mit|min|my) (lår|thigh|inderlår|bryst|numse|butt|chest)"}},
	{KindGrooming, []string{"(fik|får|fået|got|made|makes|tricked) (mig|me) (til at |to |into |)(sende|send|sending) ...2 (video|videoer|videos)"}},
	{"+money", []string{"(købe|købt|køber|give|giver|buy|bought|buys|gives) (mig|me) (en |a |et |)(ny |new |)(telefon|phone|iphone|gave|gift|tøj|clothes|skins|robux|vbucks|penge|money)"}},
	{"+strongcontrol", []string{"hvis jeg (ser|ses med|snakker med|skriver med|er sammen med|går ud med) (mine |andre |)(venner|veninder|drenge|piger|andre)", "if i (see|talk to|hang out with|text) (my |other |)(friends|guys|girls|people)"}},
	{KindAbuse, []string{
		"(he|she|they|dad|mom|mum|father|mother) (wishes|wished|says|said) ...3 (i|id) (wasnt|was never|had never been|never been) born",
		"(says|said|siger|sagde) (im|i am|jeg er) (the reason|grunden|skyld i|the problem|problemet)",
		"(låser|låste|låst|locks|locked|ignorerer|slår|hits|sender) ...4 (som straf|as punishment|as a punishment)",
	}},
	{"+aggressor", []string{"smadre|smadret|ødelægge|ødelægger", "(smashing|breaking) (everything|things|stuff)"}},
	{KindForcedMarriage, []string{"lovet (væk |bort |)til (en|min|hans|sin|a|my) (fætter|mand|søn|ven|cousin|man|son)"}},
	{"+surveil", []string{"følger efter mig for at se", "(tjekker|checks) hvem jeg (snakker|taler|skriver) med"}},
	{"+report", []string{"fortæller|fortalte|sladrer (far|min far|mor|mine forældre|familien|dad|my dad) (det|alt|)"}},
	{"+nofood", []string{"(har|har vi) (ikke|ingen) mad", "ikke mad"}},
	{"+caring", []string{"(passer|henter|laver mad til) (min|mine) (små |)(brødre|søstre|søskende|lillebror|lillesøster)"}},
	{"+sleepout", []string{"sovet (i|på) (et skur|en bil|en kælder|en opgang|en garage|skoven|en bænk|kælderen|skuret)"}},
	{"+days", []string{"(i|på|in|for) (to|tre|fire|flere|#|two|three|several) (nætter|nights)"}},
	{"+away", []string{"lejr*|lejrskole|camp|turen|festival*|hike|vandretur|spejder*|holiday|vacation|forretningsrejse|arbejde|work|norge|udlandet|abroad", "på ferie"}},
	{KindHomeless, []string{"ved ikke hvor jeg skal (gå|tage|være) (hen |)(i nat|i aften)", "(ingen|ikke nogen) steder at være"}},
	{idConcern, []string{
		"mistet (lysten|glæden|motivationen) (til|ved) (alt|alting|livet|det hele|noget)", "lost (interest|motivation) in everything",
		"træt af mit liv", "føler mig (som |)(en |)(fiasko|taber|loser|failure)", "feel like a (failure|loser)", "orker ikke (noget|nogenting) (mere|længere)",
	}},
	{blocked, []string{
		"cutte|cutter|cuttede|cut|cutting ...2 (negle|neglene|hår|håret|nails|hair|pizza|kage|cake|grass|græs|mine negle|my nails|my hair)",
		"sov|sover|sovet|slept ...4 (da|fordi|because|when) (toget|bussen|flyet|færgen|the train|the bus|the flight) ...2 (var|blev|was|got) (aflyst|forsinket|cancelled|delayed)",
	}},
	// a wish or plan to die with words between ("har seriøst lyst til
	// bare at dø"), and life negated ("gider ikke rigtig leve mere"). The
	// Danish and English halves stay apart: "dø" typed without ø is "do"
	{KindSuicide, []string{
		"(vil|ville|ønsker|ønske|lyst til|tænker på|tænkt på|overvejer|overvejet|planlægger|klar til) ...4 (doe|være død|" +
			"forsvinde for altid|ende det|ende mit liv|tage mit liv|slå mig selv ihjel|tage livet af mig)",
		"(want to|wanna|wish i could|thinking about|thinking of|thought about|planning to|ready to) ...4 (die|be dead|" +
			"disappear forever|end it|end my life|take my life|kill myself|unalive myself)",
		"(ikke|not|never|aldrig|dont|ikk) ...3 (leve|live|eksistere|exist|være i live|be alive|vågne op|wake up) (mere|længere|anymore|any more|again|igen)",
	}},
	{blocked, []string{
		"doe|die|dying ...2 (af|for|of|laughing|grin|kedsomhed|boredom|to see|to know|to go|for at)",
		"(ville|would|vil) (doe|die) (hvis|if)",
	}},
	// added with the sixth batch
	{KindSuicide, []string{
		"(holde ud|holde til|klare|orke|magte) (at leve|livet|det her liv) ...2 (længere|mere|meget længere)",
		"(stopper|slutter|ender|holder op|stops|ends) (for altid|forever)",
		"(smertefri|smertefrie|hurtig|hurtigste|nem|nemmeste|sikker|sikreste) (måde|metode|måder) (at dø|at gøre det|til at dø)",
		"(ingen|nobody|no one) (behøver|skal|needs to|has to|will have to) ...3 (tænke på|bekymre sig om|deal with|worry about|think about) (mig|me) (mere|længere|anymore|again)",
		"(vil|want to|wanna) (ud af|get out of|out of) (livet|det her liv|life|this life)", "vil ud af (det|det hele)$",
		"(my last wish|mit sidste ønske|my final wish)",
	}},
	{"+means", []string{pills, "reb|rebet|rope|kniv|kniven|knife|barberblad*|razor*|skinnerne|togskinnerne|tracks"}},
	{"+thoughtit", []string{"(tænkt|tænker|tænkte) på at gøre det", "(thought|thinking) about doing it"}},
	{KindSelfHarm, []string{
		"(smash|smashing|bang|banging|punch|punching|hit|hitting) my (hands|fists|head|hand|fist) (against|into|on) (the |a |)(wall|door|floor|mirror)",
		"(till|until) (they|it) (bruise|bruises|bruised)",
		"(ar|arrene|snit|snittene|cuts|scars) ...6 (vil ikke have at nogen ser|vil ikke have nogen ser|dont want anyone to see|ingen må se|so nobody sees|so no one sees)",
		"(få|får|make) (ar|arrene|scars|cuts|snit) (til at |to |)(forsvinde|fade|go away) ...2 (hurtigt|fast|quickly)",
	}},
	{KindEatingDisorder, []string{
		"(kun|only) (spist|eaten|had|ate) (en|et|ét|én|1|one|an|a) ...1 (banan|æble|gulerod|knækbrød|rugbrød|yoghurt|kiks|skive|banana|apple|carrot|cracker) ...4 (i dag og i går|i går og i dag|hele dagen|i to dage|siden|om dagen|all day|yesterday|in two days|for days)",
		"(så|so) (mor|far|de|mine forældre|min mor|min far|my mom|my mum|my parents|they|mom|mum) (tror|thinks|think) (at |that |)(jeg|i) (har spist|spiser|ate|have eaten|eat)",
		"(sult|sulten|hungry|starving) ...4 (men|but) (vil|want|i) ...1 (ikke|not|dont) ...1 (spise|eat)",
	}},
	{"+notate", []string{"(havent|have not|hasnt) ...3 (eaten|had) ...3 (in|for) (weeks|days|a week|ages)"}},
	{"+secret", []string{"ikke (skal|må|burde) (sige|fortælle) (det|noget) (til nogen|til mine forældre|til min mor|til min far|til mor|til far)"}},
	{"+insultcall", []string{
		"(siger|says|said|sagde) ...2 (hun|han|de|she|he|they) (hader|hate|hates) (mig|me)",
		"jeg (ødelagde|ødelægger|har ødelagt) (hendes|hans|deres) liv", "i (ruined|ruin|have ruined) (her|his|their) life",
		"(siger|says|said|sagde) ...3 (burde|skulle|should) (aldrig|ikke|never) ...1 (være|have været|have been|been) (født|born)",
	}},
	{KindForcedMarriage, []string{
		"(brødre|brødrene|bror|broren|far|familie|familien|fætter|fætre|brothers|brother|dad|father|family) ...3 (slår|truer|straffer|hits|beats|threatens|punishes) ...3 (hvis|når|fordi|if|when|because) (jeg|i) (snakker|taler|skriver|ses|er sammen|talk|text|hang out|am seen) (med|with|to)",
	}},
	{"+honour", []string{"æren|skammen|ærens"}},
	{"+noadult", []string{"(mor|far|forældre|forældrene|mom|dad|parents|mum) (drikker|drinks|tager stoffer|does drugs)"}},
	{KindNeglect, []string{
		"ingen (voksne |)(der |)(passer på|tager sig af|sørger for|passer) (mig|os)",
		"(sulten|sultne|hungry) ...3 (fordi|because|da) ...3 (ikke er|ingen|intet|no|isnt|there is no|theres no) ...2 (mad|food)",
	}},
	{KindHomeless, []string{
		"(ikke har|har ikke|har intet|har ingen|dont have|do not have|have no) (noget |et |a |)(hjem|home|sted at bo)",
		"ikke (skal|må|kan) komme hjem (igen|mere|længere)",
	}},
	{idConcern, []string{
		"ikke ...3 nogen (kan lide|gider|elsker|holder af|forstår) mig",
		"kan ikke (klare|overskue|holde til|holde ud|magte) (det|mere|noget) (mere|længere|)",
	}},
	{blocked, []string{
		"mig|me|os|us ...2 (i|til|in|at) (en|et|a|an) " + games,
		"(på arbejde|på forretningsrejse|på ferie|på lejr|på tur|at work|on a trip|on holiday|på skiferie) (i|for) (to|tre|fire|#|flere|en|two|three|a|several) (dage|døgn|uge|uger|days|weeks|week)",
		"kastede|kaster|smed|smider|threw|throws (en |et |a |)(bold|bolden|snebold|snebolde|frisbee|pude|puder|ball|snowball|pillow|vandballon*) (efter|på|til|at) (mig|me)",
	}},
	// added with the seventh batch
	{KindSuicide, []string{
		"vil ikke være her$", "(wish|wished) i (had never been|hadnt been|never was|was never) born",
		"(fundet|found) (et sted|a place|a spot|somewhere) (hvor|where|to) ...3 (hoppe|springe|jump|gøre det|do it)",
	}},
	{"+height", []string{"altan|vindue|vinduer|højhuset"}},
	{KindSelfHarm, []string{
		"(jeg|i|im) (stadig|still) (skærer|cutter|cuts|cut|cutting|ridser|brænder mig|skader mig|self harm|hurt myself)",
		"(slår|slog|banker|bankede|smadrer|smadrede) (mine|min) (knoer|hænder|hånd|hoved|næver|knoerne) (mod|ind i|i) (væggen|døren|gulvet|spejlet)",
		"til de bløder",
	}},
	{KindEatingDisorder, []string{
		"(vil ikke|won't|wont|refuse to|nægter at) (spise|eat) ...3 (fordi|because) ...8 (spejlet|krop|kroppen|tyk|fed|mirror|body|fat|weight|vægt|vægten)",
	}},
	{"+secretly", []string{"i hemmelighed|i smug|secretly", "så ingen (opdager|ved|hører|ser)", "so (nobody|no one) (knows|hears|notices|finds out)"}},
	{"+fatfear", []string{"(bange for|scared of|afraid of|frygter|terrified of) (at tage på|gaining weight|to gain weight|at blive tyk|getting fat|at blive fed)"}},
	{"+eatcond", []string{"(hvis|når|if|when) (jeg|i) (spiser|eat) (mere end|over|more than|anything|noget)"}},
	{"+guilteat", []string{"(bange for|scared of|afraid of) (mad|food|at spise|eating)"}},
	{KindViolence, []string{"(kaster|kastede|slynger|slyngede|rusker|ruskede|throws|threw|shakes|shook) (mig|os|me|us) (rundt|omkring|around|ind i|ned|against)"}},
	{KindSexualAbuse, []string{"(billeder|billede|filmede|filmet|photos|pictures|pics|filmed|video) (op |)under (min|mit|my) (nederdel|kjole|skirt|dress|trøje)"}},
	{KindAbuse, []string{
		"(siger|sagde|says|said) (at |that |)(jeg er|im|i am) (grunden|the reason|skyld i|skylden)",
		"(regret|regrets|regretted|fortryder|fortrød) (having|getting|fået|at have fået|at de fik) (me|mig)",
		"(ignorerer|ignorerede|ignores|ignored) (mig|me) ...3 (ugevis|dagevis|for weeks|for days)",
	}},
	{KindDanger, []string{"følger|fulgte ...3 efter mig", "(know|knows|knew) where i (live|am|go to school)"}},
	{"+liesif", []string{"(fortælle løgne|sprede rygter|lyve om mig|tell lies|spread rumors) ...6 (hvis jeg|if i)"}},
	{"+comehome", []string{"(kommer|komme|coming|come|comes) (hjem til mig|over to my house|to my house|til mit hus|hjem til os)"}},
	{"+noadult", []string{"(ikke set|not seen|havent seen|haven't seen|hasnt seen) (mine forældre|min mor|min far|mor|far|my parents|my mom|my mum|my dad)"}},
	{idConcern, []string{
		"(alle|everyone|everybody) ...2 (ligeglade|ligeglad|doesnt care|dont care) (med mig|about me)",
		"jeg er ikke (okay|ok|okey)", "savner at (være glad|have det godt|grine)", "miss being happy",
		"(ingen|ikke) lyst til (noget som helst|nogenting|noget mere|noget længere)",
		"ikke haft det godt", "(kan ikke|cant) se (nogen|en|any|a) (fremtid|future)",
	}},
	{blocked, []string{
		"(hund|hunden|kat|katten|lillebror|lillesøster|dog|cat|puppy|hvalp|hvalpen) ...2 (følger|fulgte|follows|followed)",
		"ikke (okay|ok) med",
		"(min|mine|my|hans|hendes|his|her) (søster|bror|storesøster|lillesøster|storebror|lillebror|mor|far|ven|veninde|venner|kæreste|sister|brother|friend|mom|mum|dad|cousin|kusine|fætter) " +
			"(har|has|had|havde|lider af|suffers from|kæmper med|struggles with) (en |an |a |)(spiseforstyr*|anoreksi|bulimi|anorexia|bulimia|eating disorder|depression|angst|anxiety|selvskade|self harm)",
	}},
}

// cueCombos prove kinds from the cues above.
var cueCombos = []safetyCombo{
	{kind: KindSuicide, need: []string{"+plan", "+final"}},
	{kind: KindSuicide, need: []string{"+plan", "+cantgoon"}},
	{kind: KindSelfHarm, need: []string{"+cutact", "+mybody"}, unless: []string{"+accident"}},
	{kind: KindEatingDisorder, need: []string{"+purge", "+eat"}, unless: []string{"+sick", "+party"}},
	{kind: KindEatingDisorder, need: []string{"+weightloss", "+fatself"}},
	{kind: KindSexualAbuse, need: []string{"+bekind", "+nobodyhome"}},
	{kind: KindSexualAbuse, need: []string{"+undress", "+nonconsent"}},
	{kind: KindSexualAbuse, need: []string{"+undress", "+adult"}},
	{kind: KindGrooming, need: []string{"+agecheck", "+pic"}},
	{kind: KindGrooming, need: []string{"+undress", "+ask"}},
	{kind: KindGrooming, need: []string{"+adult", "+romance", "+minorself"}},
	{kind: KindGrooming, need: []string{"+flatter", "+adult", "+online"}},
	{kind: KindAbuse, need: []string{"+insultcall", "+home"}, unless: []string{"+joking", "=laugh"}},
	{kind: KindAbuse, need: []string{"+breakmine", "+closeperson"}},
	{kind: KindDanger, need: []string{"+lurk", "+fear"}},
	{kind: KindDanger, need: []string{"+present", "+fear"}},
	{kind: KindForcedMarriage, need: []string{"+abroad", "+wedding", "+metrip"}, unless: []string{"+guest"}},
	{kind: KindNeglect, need: []string{"+nofood", "+nobasics"}},
	{kind: KindNeglect, need: []string{"+noadult", "+daily"}},
	{kind: KindHomeless, need: []string{"+street", "+days"}},
	{kind: KindSelfHarm, need: []string{"+myblades", "+seen"}},
	{kind: KindEatingDisorder, need: []string{"+forcedeat", "+eatdistress"}},
	{kind: KindEatingDisorder, need: []string{"+weightloss", "+moreloss"}},
	{kind: KindSuicide, need: []string{"+height", "+thoughtit"}},
	{kind: KindSuicide, need: []string{"+means", "+thoughtit"}},
	{kind: KindEatingDisorder, need: []string{"+purge", "+secretly"}},
	{kind: KindEatingDisorder, need: []string{"+fatfear", "+eatcond"}},
	{kind: KindDanger, need: []string{"+threat", "+comehome"}},
	{kind: KindAbuse, need: []string{"+threat", "+liesif"}},
	{kind: KindSuicide, need: []string{"+nothere"}, unless: []string{"+excuse"}},
	{kind: KindSexualAbuse, need: []string{"+handon", "+adult"}},
	{kind: KindHomeless, need: []string{"+sleepout", "+days"}, unless: []string{"+away"}},
}
