package understand

// The safety lexicon's second half reads crises by their structure rather
// than by stock phrases: who does it, what is done, to whom, and the
// circumstances that tell it without naming it. Most rules here are
// signals ("+name") that prove a kind only together (see
// structureCombos): marks on the body and a person at home are violence,
// food missing and days passing are neglect, a farewell and finality are a
// suicide note.

const (
	// a wish not to exist, in the past tense of a conditional ("hvis jeg
	// ikke vågnede", "ønsker jeg var død")
	daGone = "(var død|var væk|bare var væk|ikke var her|ikke fandtes|ikke levede|forsvandt|døde|ikke vågnede|" +
		"aldrig vågnede|ikke vågner|aldrig vågner|aldrig var født|aldrig blev født|ikke eksisterede|var borte|" +
		"ikke var til|ikke havde været her|ikke var her mere|ikke var i live|aldrig var blevet født|forsvinder|dør|" +
		"er væk|ikke er her|ikke findes|ikke lever|ikke er her mere|ikke længere var her)"
	enGone = "(was dead|were dead|was gone|were gone|wasnt here|werent here|wasnt around|didnt exist|" +
		"never woke up|didnt wake up|disappeared|died|was never born|wasnt alive|werent alive)"
	// pills and other means of an overdose
	pills = "piller|pillerne|pillen|pille|panodil*|pamol*|sovepille*|ipren*|paracetamol*|tablet*|antidepressiv*|lykkepille*|" +
		"smertestillende|pills|pill|tablets|painkillers|tylenol|advil|ibuprofen|medicin|medicinen|antidepressants|meds"
	// the young person's own body where cuts and burns are made
	cutBody = "arm|arme|armen|armene|håndled|håndleddet|håndleddene|lår|låret|lårene|hud|huden|mave|maven|" +
		"arms|wrist|wrists|thigh|thighs|skin|stomach|hofter|hips|ankler|underarm*"
	// what a family member, partner or anyone close calls the young person
	insults = "værdiløs|ubrugelig|fejltagelse|dum|dumme|fed|grim|klam|luder|kælling|taber|idiot|lort|" +
		"ingenting|nul|skuffelse|spasser|mongol|åndssvag|ækel|byrde|møgunge|worthless|useless|stupid|fat|ugly|" +
		"disgusting|mistake|nothing|burden|disappointment|slut|whore|pathetic|retard|loser|bitch"
	// the people close enough to hurt a young person at home
	daClose = "far|faren|mor|moren|stedfar|stedmor|papfar|papmor|bonusfar|bonusmor|forældre|forældrene|" +
		"familie|familien|bror|broren|brødre|søster|onkel|kæreste|kæresten|eks|plejefar|plejemor|mormor|" +
		"morfar|farmor|farfar|fars|mors"
	enClose = "dad|father|mom|mum|mother|stepdad|stepmom|stepmum|parents|family|brother|uncle|" +
		"boyfriend|girlfriend|bf|gf|partner|ex|dads|moms|mums|stepfather|stepmother"
	// a span of days: neglect is told by how long it has lasted
)

var safetyStructure = []termGroup{
	{KindSuicide, []string{
		// a wish not to be there, said as a condition or a wish
		"(bedst|hvad|hva|hvad nu|bedre|nemmere|lettere|fint|fine|glade|gladere|ligeglade|savne|opdage|opdager|lagt mærke|ske|" +
			"tænkt|tænker|forestiller|ville være|ønske|ønsker|håber|gad|klare sig) ...6 hvis jeg ...2 " + daGone,
		"(ønske|ønsker|håber|gad|bare) (at |)jeg ...2 " + daGone,
		"(better|easier|happier|fine|okay|ok|care|notice|miss|wonder|imagine|wish|hope) ...6 if i ...2 " + enGone,
		"(wish|hope) i ...2 " + enGone,
		"(bedre|fint|nemmere|lettere|gladere|godt|glade) uden mig", "(fine|better|happier|easier|okay|ok|good|great) without me",
		// pills gathered, counted or taken in numbers
		"(samle*|samlet|sparet|spare*|hamstre*|hamstret|opsparet|gemt) ...4 " + pills,
		"(tager|tage|taget|tog|sluge*|slugt|slugte|take|taking|took|swallow*) ...3 " +
			"(##|alle|hele pakken|en hel pakke|hele glasset|mange|masse|all|a whole|whole|a lot of|a bunch of|loads of) ...2 " + pills,
		"## " + pills, "hvor mange " + pills + " ...6 (dø|dør|dødelig|dræbe|overdosis|slå en ihjel)",
		"how many " + pills + " ...6 (die|kill|overdose|lethal|fatal|od)", "dødelig dosis", "lethal dose",
		"(saving|saved|stockpiling|hoarding|collecting|hiding) ...3 (my |)" + pills,
		// no point in living
		"(dont|cant|do not|cannot) see (the|a|any|) point ...4 (alive|living|life|existing|going on|being here)",
		"(no|whats the|what is the) point (of|in) (being alive|living|life|existing|going on|being here|me being here)",
		"kan ikke se (meningen|pointen|nogen mening|nogen grund) (med|i|til) (at leve|livet|at være her|at være i live|at fortsætte)",
		// deserving, wanting or having to die
		"jeg ...3 (bare|burde|bør) dø", "bare (skal|må|burde|bør) dø", "(skal|vil|må) bare dø", "fortjener ikke at (leve|være her|være i live|eksistere|være til)",
		"(dont|do not) deserve to (live|be here|be alive|exist)", "(orker|gider) ikke (at |)vågne",
		"(besluttet|fundet ud af|planlagt|ved nu) ...2 (hvordan|hvornår) jeg (vil|skal) gøre det$",
		"last time ...3 (hear|hears|heard|see|sees|will hear|will see|talk|talks) (from |to |)me",
		"sidste gang ...3 (hører|ser|høre|se|snakker) ...2 (fra |til |med |)mig",
		"(decided|figured out|planned|know) (how|when) (im going to|i will|ill|i am going to|to) do it$",
	}},
	{"+farewell", []string{
		"tak for alt", "undskyld for alt", "sorry for everything", "thank you for everything",
		"(sige|siger|sagt|sagde) farvel til (jer|alle|dig|jer alle|alle sammen)",
		"farvel til (jer|alle|jer alle|alle sammen)", "goodbye (everyone|all|guys|forever|world)",
		"(elsker|elske) jer alle", "love you all", "(ill|i will) miss you (all|guys)", "vil savne jer",
		"bye (everyone|forever|world)",
	}},
	{"+final", []string{
		"sidste", "last", "for altid", "forever", "aldrig igen", "never again", "i aften", "i nat", "tonight",
		"når jeg er væk", "when im gone", "ikke være her", "not be here",
	}},
	{"+letter", []string{
		"skrevet|skrev|skriver|skrive|wrote|written|writing|write ...4 brev|breve|brevet|letter|letters|note|notes|besked|beskeder",
	}},
	{"+ifgone", []string{
		"hvis|når (der sker noget|noget sker|jeg ikke er her|jeg er væk|jeg dør|jeg er død) ...2 (med mig|)",
		"(in case|if|when) (something|anything) (happens|happened) to me", "(in case|if|when) (im|i am) (gone|not here|dead)",
	}},
	{"+later", []string{
		"vi ses", "ses", "snakkes", "see you", "see ya", "talk soon", "til næste gang", "i morgen", "tomorrow",
		"næste uge", "next week", "hjælpen", "the help",
	}},
	{"+height", []string{
		"taget|tagryggen|broen|bro|altanen|vinduet|kanten|højhus*|skrænten|klippen|perronen|roof|bridge|balcony|" +
			"ledge|edge|cliff|window|platform|tårnet|tower|parkeringshuset|parking",
	}},
	{"+jump", []string{
		"hoppe|hopper|hoppet|springe|springer|sprang|jump|jumping|jumped|fall", "kaste mig ud", "falde ned",
		"kigge|kigget|kiggede|kigger|looked|looking|look (ned|down)",
	}},
	{"+ideate", []string{
		"tænkt|tænker|tænke|tænkte|lyst|overvejet|overvejer|overvejede|thought|thinking|think|want|wanted|" +
			"ville|vil", "feel|felt like",
	}},
	{"+water", []string{
		"i vandet|havnen|havet|poolen|søen|åen", "trampolin*", "into the water|lake|sea|pool|river",
		"badebro*", "swimming|svømme*|bade|badet",
	}},

	{KindSelfHarm, []string{
		// a self-harm verb with oneself as the object, in any person and
		// in inverted order ("nogle gange skader jeg mig selv")
		"skære|skærer|skar|skåret|cutte|cutter|cuttede|cuttet|ridse|ridser|ridsede|ridset|kradse|kradser|" +
			"kradsede|brænde|brænder|brændte|brændt|stikke|stikker|stak|skade|skader|skadede|skadet|straffe|" +
			"straffer|straffede (i |)(sig|en|dig) selv",
		"skære|skærer|skar|skåret|cutte|cutter|cuttede|ridse|ridser|ridsede|kradse|kradser|kradsede|brænde|" +
			"brænder|brændte|stikker|stak|skader|skadede|slår|slog|straffer|straffede (jeg|du|man) (i |)(mig|sig|dig) selv",
		"skærer|skar|cutter|cuttede|ridser|ridsede|kradser|kradsede jeg (i |)mig",
		"(kradser|kradsede|river|rev|klør|kløede|ridser|ridsede) mig (selv |)(til|indtil) (jeg|det|den|de) (bløder|blør|blødte)",
		"(til|indtil) jeg (bløder|blør|blødte)", "(until|till|til) i bleed|bled",
		"(myself|yourself|oneself) (on purpose|with a|with my) ...2 (razor|blade|lighter|knife|scissors)",
	}},
	{"+cutmark", []string{
		"cuts|scars|snit|snittene|ar|arrene|arret|sår|sårene|rifter|ridser|cutmarks|brændemærker|skæremærker|" +
			"burns|wounds",
		"cut marks", "burn marks",
	}},
	{"+cutbody", []string{cutBody}},
	{"+blade", []string{
		"barberblad*|barberkniv*|razor*|blade|blades|skalpel|hobbykniv*|lighter|lighteren|saks|saksen|kniv|" +
			"kniven|glasskår|passer|passeren|knife|scissors|glass",
	}},
	{"+hidemarks", []string{
		"skjul*|gemme|gemmer|dække|dækker|hide|hiding|cover|covering ...4 (mine |my |)(ar|arrene|snit|snittene|cuts|scars|cutmarks|cut marks|sår|sårene)",
		"(langærmet|lange ærmer|long sleeves|hoodie) ...6 (ar|arrene|snit|cuts|scars|sår)",
	}},
	{"+accident", []string{
		"ulykke*|uheld|operation|operationen|faldt|fald|faldet|cykelstyrt|styrtede|accident|surgery|fell|crash|" +
			"tatovering*|tattoo*|vaccine|kat|katten|hund|hunden|cat|dog|brændenælder|køkken*|" +
			"madlavning|cooking|barbere*|shave|shaving|skøjte*|skateboard|cykel|cyklen|bike|fodbold|håndbold|" +
			"træning|football|soccer|hockey|rugby|training|kampen|spillet|kamp|boksning|mma|judo|karate|" +
			"forbrænding|myg|myggestik|mosquito|acne|bumser|eksem|eczema|kopper|skoldkopper|chickenpox",
	}},

	{"+thin", []string{
		"(stay|stays|staying|be|get|getting|become|look) (thin|skinny|thinner|skinnier|slim)", "tyndere|tynd|slank|slankere",
		"tabe (mig|sig)", "tabt mig", "(tabt|tabe|lost|lose) # (kilo|kilos|kg|pounds|lbs)",
		"(føler mig|er så|er alt for|er for) (fed|tyk)", "(feel|so|too) fat", "hader min krop", "hate my body",
		"vægten|vejer|weight|weigh",
	}},
	{"+restrict", []string{
		"(only|barely) (eat|ate|drink|drank|had|eating|drinking)", "kun (drukket|spist|drikker|spiser|fået)",
		"næsten ikke (spiser|spist|noget)", "ikke spiser|spist", "(skipper|skipping|skip|springer) ...2 (meals|lunch|breakfast|dinner|aftensmad|frokost|morgenmad|måltider|maden)",
		"smider ...3 (mad|madpakke*|maden) ud", "afføring*|laxative*|vanddrivende|slankepille*|appetitdæmp*", "appetite suppress*",
		"diet pills", "(kaster op|brækker mig|throw up|throwing up)", "puke|puking|purge|vomit*",
		"spiser (ikke|ingenting|næsten ingenting)", "not eat|eating", "havent eaten|eaten nothing",
	}},

	{"+marks", []string{
		"mærkerne", "(blå mærker|blå mærke|blåt øje|blå øje|brækket næse|brækket arm|brækkede ribben|hævet kind|hævet læbe|flækket læbe)",
		"mærker på (halsen|armen|ryggen|armene|min hals|kinden)",
		"bruises|bruised|bruise", "black eye", "busted|split lip", "marks on my (neck|arm|arms|back|face)",
	}},
	{"+home", []string{
		"derhjemme|hjemme", "at home", "min|mine " + daClose, "my " + enClose, "af|fra ham|hende|dem", "from|by him|her|them",
	}},
	{"+hurtpassive", []string{
		"(get|gets|got|getting|been|be) (hit|slapped|punched|kicked|beaten|smacked|hurt|choked|whipped|shoved|pushed around)",
	}},
	{KindViolence, []string{
		// "hvad gør man hvis ens far slår en": the impersonal question
		"ens " + daPerson + " ...3 " + daHit + " en|dig",
		"(hvis|når|at|er det normalt at|er det ok at) (din|ens) " + daPerson + " ...3 " + daHit + " dig|en",
		"(if|when) your " + enPerson + " ...3 " + enHit + " you",
		"lock|locks|locked|locking me (in|up)",
		"(grabbed|grabs|grab|holds|held|pinned) me (by the|down|against)",
	}},

	{KindSexualAbuse, []string{
		"(tvang|tvinger|tvunget|presset|pressede|presser|tvingede) (mig |)til at (gøre|røre|have) ...2 (noget|ting|sex|ved)",
		"(forced|pressured|made|makes|forces|pressures) me (to |)(do|into) (something|things|stuff) ...3 (didnt|dont|did not|do not|wasnt)",
	}},
	{"+sexact", []string{
		"havde|har|haft sex med mig", "sex", "rørte|rører|rørt ved mig", "rørte|rører mig", "befamle*", "beføl*",
		"kyssede|kysser mig", "touched|touching|touches me", "had sex with me", "kissed me", "undressed me",
		"tog mit tøj af", "tog tøjet af mig", "lå oven på mig", "on top of me",
	}},
	{"+nonconsent", []string{
		"(selvom|selv om) jeg ...2 (sagde nej|sagde stop|ikke ville|græd)", "jeg ikke ville", "ikke havde lyst",
		"jeg sov", "mens jeg sov", "var (for |helt |)(fuld|stiv|bevidstløs|væk)", "vågnede", "ikke kunne sige nej",
		"said no", "told him to stop|no", "didnt want", "did not want", "(was|were) (asleep|sleeping|drunk|passed out|unconscious)",
		"woke up", "couldnt say no", "kept going",
	}},

	{"+insultcall", []string{
		"kalder|kaldte|kaldt|kalde|calls|called|call mig|os|me|us ...3 " + insults,
		"(siger|sagde|says|said|say|tell|tells|told|skriger|råber|screams|yells) ...3 (at |that |)(jeg er|im|i am|i was|jeg var) ...3 " + insults,
		"bliver kaldt ...3 " + insults,
	}},
	{KindAbuse, []string{
		"(siger|sagde|says|said|say|tells|told|tell|kalder|kaldte|calls|called) ...3 (jeg er|im|i am|i was|jeg var|mig|me) ...2 " +
			"(en |a |)(byrde|fejltagelse|burden|mistake|værdiløs|worthless)",
	}},
	{"+closeperson", []string{
		daClose, enClose, "my (mum|mom|dad|parents|family|stepdad|stepmom|boyfriend|girlfriend)",
	}},
	{"+partner", []string{
		"kæreste|kæresten|ekskæreste*|eks|boyfriend|girlfriend|bf|gf|partner|ex",
	}},
	{"+strongcontrol", []string{
		"(tjekker|tjekkede|checks|checked|goes through) ...2 (min telefon|mine beskeder|my phone|my messages)",
		"bestemmer|bestemte|decides|controls ...2 (hvem|hvad|hvor|who|what|where) (jeg|i)",
		"må ikke (se|snakke med|tale med|være sammen med|skrive med) (mine|nogen|andre|drenge|piger)",
		"(wont let|doesnt let|dont let) me (see|talk to|go out|have)", "læser mine beskeder", "reads my messages",
		"tracker (mig|min lokation|min placering)", "tracks my location|me", "må ikke gå ud uden",
	}},

	{"+hide", []string{
		"(låst|låste|låser) mig inde (på|i)", "gemmer|gemt|gemte|skjuler|skjult mig", "locked myself in",
		"hiding|hid (in|under|from)", "(im|i am) hiding",
	}},
	{KindDanger, []string{
		"(hell|shell|theyll|hed|shed|theyd|he will|she will|they will|hes gonna|shes gonna|hes going to|" +
			"shes going to|theyre gonna|theyre going to) ...2 (find|hurt|kill|beat|stab|shoot|rape|come for|come after) me",
		"(han|hun|de|nogen|" + daPerson + ") ...4 (vil|skal|kommer til at|siger|sagde|skrev|skriver|truer|truede) ...3 " +
			"(finde|slå|dræbe|skade|banke|tæske|stikke|voldtage|tæve|hente|komme efter) mig",
		"(bange|skræmt|frygter|tør ikke|scared|afraid|terrified) ...5 (hvad|når|what|when) (han|hun|de|min|mit|he|she|they|my) ...4 " +
			"(gør|gøre|kommer hjem|does|will do|gets home|comes home)",
		"(prøver|prøvede|forsøger|forsøgte|vil|trying|tries|tried) ...2 (at |to |)(komme|bryde|get|break) (ind|in|into) ...2 " +
			"(lejlighed*|hus*|værelse*|døren|vinduet|house|apartment|flat|room|home)",
		"bryde|bryder|brød ind", "(hamrer|sparker|banger|banging|pounding) ...2 (på|on) (døren|vinduet|the door|my door|the window)",
	}},
	{"+stranger", []string{
		"fremmed|fremmede|stranger|strangers", "en mand jeg ikke kender", "en (hvid |sort |)(bil|varevogn)", "a (white |black |)(car|van)",
		"some (guy|man|old man|dude)", "en eller anden (fyr|mand)", "ældre mand|older man",
	}},
	{"+approach", []string{
		"kaldte|kalder på mig", "ville have mig (med|ind)", "prøvede at få mig", "tilbød mig (et lift|at køre|et kørsel|slik|penge)",
		"fulgte|følger|fulgt efter", "kørte|kører efter", "stoppede ved mig", "called me over", "tried to get me",
		"offered me a ride|lift", "followed|following|follows me", "grabbed me", "tog fat i mig", "hev|hiver i mig",
		"ville have mig til at (komme|sætte mig|gå) (med|ind)", "wanted me to (come|get in)",
	}},

	{KindForcedMarriage, []string{
		"(vil have|siger|sagt|bestemt|bestemmer|besluttet|har fundet|fundet|valgt|lovet|presser|tvinger|arrangeret|planlagt|aftalt) ...4 " +
			"(jeg skal|mig til at|at jeg skal|jeg|mig) ...2 (giftes|gifte mig|forloves|forlove mig|blive gift|være gift)",
		"(fundet|valgt|lovet|aftalt|arrangeret) ...3 (en mand|en kone|en brudgom|en ægtemand|en til mig|mig væk|mig bort)",
		"(found|chose|picked|arranged|promised) ...3 (me |)(a husband|a wife|someone to marry|my husband|my wife)",
		"(parents|family|dad|mom|mum|father|mother) ...5 (found|chose|picked|arranged|promised) ...3 (husband|wife|marriage|me)",
		"(back home|home country|hjemlandet|back to|tilbage til|hjem til) ...6 (married|marry|giftes|gifte mig|wedding|bryllup|forlove*)",
		"(giftes|gifte mig|forloves|forlove mig|forlovet|marry|married|engaged) ...6 (og jeg er|im only|i am only|jeg er kun|and im|and i am) #",
		"(giftes|gifte mig|forloves|forlove mig|forlovet|forlove*) med min (fætter|kusine)", "(marry|married to|engaged to) my cousin",
		"lovet ...2 (væk|bort)", "(making|forcing|force|make) me (to |)(marry|get married|be married)",
		"(vanæret|vanære*|skam|skammen|skamfuld) ...6 (familie*|familien|slægten|æren)",
	}},

	{"+days", []string{
		"i|på (en|et|1|#|to|tre|fire|fem|seks|syv|flere|mange|nogle|et par) dage|døgn|uge|uger|dag",
		"i dagevis|ugevis", "siden (mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag|i forgårs|sidste uge|" +
			"i mandags|i tirsdags|i onsdags|i torsdags|i fredags|i lørdags|i søndags)", "hele ugen",
		"for|in (days|a week|weeks|# days|two days|three days|several days|a few days|ages)",
		"since monday|tuesday|wednesday|thursday|friday|saturday|sunday", "since last week", "all week",
	}},
	{"+nofood", []string{
		"ikke (haft|fået|spist) ...3 (mad|noget at spise|aftensmad|varm mad|noget varmt)",
		"(kun|only) (spist|eaten|ate|had|fået) ...2 (toast*|brød|chips|nudler|cornflakes|bread|noodles|cereal|ketchup|kiks)",
		"ingen penge", "no money", "tomt køleskab", "empty fridge", "glemmer at (købe|lave|give os|give mig) mad",
		"sulten|sultne (hele tiden|hver dag|altid)", "går|gik sulten i seng", "always hungry", "go|went to bed hungry",
		"forgets to (buy|make) food", "nothing in the fridge", "ikke noget i køleskabet",
	}},
	{"+noadult", []string{
		"ikke kommet hjem", "(hasnt|havent|hasn't) (come|been) (back|home)", "(væk|borte|ude) siden", "klare (mig|os|sig) selv",
		"passe (mig|os) selv",
		"leave|leaves|left me|us (alone|by myself)", "on (my|our) own", "(mor|far|forældre|forældrene|mom|mum|dad|parents) (er |is |are |)væk|gone|away",
	}},
	{"+lockedout", []string{"låst ude", "locked out"}},
	{KindNeglect, []string{
		daClose + " ...3 glemmer|glemte ...2 at (købe|lave|give os|give mig) mad",
		enClose + " ...3 forgets|forgot ...2 to (buy|make|give us|give me) food",
		"(låser|låste|låst) ...2 inde ...3 (når|mens) ...3 (går|er) (ud|ude|i byen|væk|på arbejde)",
		"(locks|locked) me in ...3 (when|while) ...3 (goes|go|is|are) (out|away)",
	}},

	{KindHomeless, []string{
		"(ingen|intet|ikke noget|ikke et|no) tag over hovedet", "(no|without a) roof over my head",
		"(skal|må|kan) ikke komme hjem (igen|mere|længere)", "ikke (er |)velkommen (hjemme|derhjemme)",
		"(sidder|står|er|sover|bor) (jeg |)på gaden", "(living|sleeping|on) the streets",
		"(not allowed|cant come|can not come|cannot come) (back |)home (anymore|again|ever)",
	}},
	{"+cantgohome", []string{
		"ikke kan komme|tage hjem", "kan ikke komme|tage hjem", "tør ikke (at |)(komme|gå|tage) hjem",
		"(cant|cannot|can not|dont want to) go home", "ikke (må|vil) komme hjem",
	}},
	{"+sleepout", []string{
		"sove|sover|sov|sovet|overnatte|overnatter|sofa|sofaen|tonight|sleep|sleeping|slept|couch", "i nat",
	}},
	{"+delay", []string{
		// the bus or train itself is no delay ("sovet i en bus fordi jeg ikke
		// kan komme hjem"); see the cancelled ones in safetyIndirect
		"storm|stormen|sne|sneen|snestorm|weather|vejret|aflyst|cancelled",
	}},

	{idConcern, []string{
		"ingen ...4 (kan lide|gider|forstår|elsker|holder af|bryder sig om|ser|snakker med|taler med) ...3 mig",
		"(nobody|no one|noone) (gets|understands|sees|hears|listens to|wants) me",
		"(trist|ked af det|nede|down|sad|deprimeret|tom|alene|ensom) ...2 (hele tiden|hver dag|altid|all the time|every day|konstant)",
		"jeg er ...3 (trist|nede|ulykkelig)", "(feel|feeling|felt) (like |)(shit|crap|terrible|awful|horrible|garbage|trash|nothing)",
		"(everything|it all|life) (feels|is) ...2 (heavy|hard|too much|meaningless|dark|pointless|hopeless)",
		"(alt|det hele|livet|alting) (føles|er) ...2 (tungt|svært|for meget|meningsløst|mørkt|sort|håbløst|hårdt)",
		"mit liv er ...2 (noget lort|lort|et helvede|møg|noget møg|så dårligt)",
		"(har|haft) (en |)(skide|lorte|møg|hård|hårde|pisse) ...2 (hård|dårlig|svær|uge|tid|periode) ...4 kan ikke mere",
	}},
	{idFrame, []string{
		"*film|*serie|*bog|*roman|*novelle|*dokumentar|*spil|*podcast|*artikel|*opgave",
		"(hjælpe|hjælper|støtte|støtter|help|helping|support|supporting|snakke med|talk to) ...2 (en|min|a|my) (ven|veninde|kammerat|friend|klassekammerat|classmate)",
	}},
	{blocked, []string{
		"(sparket|sparkede|smidt|kicked|thrown|banned) ...2 (ud|out) (af|of)",
		"(tæsk|bank|klø|tæsket|banket|smadret|beaten|destroyed) ...5 (i|til|in|at) " + games,
		"(they|it|that|this|those|these|mondays|school|work|lektierne|skolen) ...2 (kill|kills|killing) me",
		"dræber mig med", "kills me with",
		"(kastede|kaster|kastet|brækkede|brækker|threw|throw) (op|up|mig) ...3 (efter|after) (karrusel*|turen|forlystelse*|rutsjebane*|the ride|rollercoaster|bussen|båden|festen|the party)",
		"hoppe|hopper|hoppede|springe|springer|sprang|jump|jumped|jumping ...3 (i|ned i|into|in) (vandet|havnen|havet|poolen|søen|the water|the lake|the sea|the pool)",
	}},
	// suicide: method questions, reasons gone, means at hand, plans
	{KindSuicide, []string{
		"hvor (højt|mange|meget|lang tid|hurtigt|langt) ...6 (før|for at|til at|så) (man|jeg|en) (dør|dø|er død)",
		"how (high|many|much|long|far|fast) ...6 (to die|before you die|before i die|to kill|kill you|kill me|until you die|is lethal|is fatal)",
		"hvordan (man|jeg) ...3 (gør det|dør|kan dø|dø) ...3 (uden smerte|smertefrit|hurtigt|uden at det gør ondt)",
		"how to ...3 (do it|die|end it) ...3 (without pain|painlessly|quickly|fast)",
		"(ser|har|finder|er|kan ikke se) (ingen|ikke nogen|nogen) (grund|mening|pointe) (til|med|i) (at fortsætte|at leve|at være her|livet|at være i live|at kæmpe|at blive ved)",
		"(no|dont see a|dont see any|cant see a|cant see any) reason to (go on|keep going|live|continue|be here|stay|keep living)",
		"(en hel|hel|whole|full|a whole|a full) (bottle|pack|box|glas|pakke|æske|bøtte|strip) (of|med|af) " + pills,
		pills + " (next to|ved siden af|foran|in front of|klar til) (me|mig)",
		"(ville|vil|would|will) (nogen|anyone|anybody|someone) (opdage|savne|lægge mærke til|bemærke|notice|miss|care)",
	}},
	{KindSuicide + "~", []string{
		"(mit liv|livet|my life) (er|is) (slut|forbi|ovre|over)", "byrde", "burden",
	}},
	{"+plan", []string{
		"(planlagt|planlægger|planlagde) det", "(har|have|got) (en|a) plan", "(besluttet|bestemt) mig|at", "planned it", "made up my mind",
	}},
	{"+nobodyhome", []string{
		"når (mor|far|de|ingen|forældrene|mine forældre|min mor|min far) (er|er på) (på arbejde|arbejde|væk|ude|ikke hjemme|sover)",
		"når jeg er alene", "(when|while) (im|i am|nobody is|no one is|theyre|my parents are|mom is|dad is) (alone|home|at work|away|asleep|out)",
		"ingen er hjemme",
	}},
	{"+notfault", []string{
		"(ikke|not) (their|your|your guys|jeres|din|deres|hans|hendes|nogens|anyones) (fault|skyld)",
	}},

	// self-harm: own scars seen or hidden, pain deserved
	{"+mymarks", []string{
		"(mine|my) (ar|arrene|cuts|scars|snit|snittene|sår|sårene|cutmarks|cut marks|burns)",
	}},
	{"+seen", []string{
		"set|ser|opdaget|opdagede|opdager|finder|fandt|fundet|spurgt|spørger|spurgte|seen|saw|see|notice|noticed|found|asked|ask",
	}},
	{KindSelfHarm, []string{
		"fortjener (smerten|at have ondt|at lide|smerte|at gøre ondt)", "deserve (the |)(pain|to hurt|to suffer|to be hurt|it)",
		"slår|slog|banker|bankede|knalder|smadrer ...2 (hovedet|mit hoved|hånden|min hånd|knytnæven|mine hænder|panden) ...2 (ind i|mod|i) (væggen|døren|gulvet|spejlet)",
		"(hurt|hurting|hurts|harm|harming|harmed|cut|cutting|burn|burning|burned|burnt|starve|starving|starved|hit|hitting|" +
			"punch|punching|punched|slap|slapping|slapped|scratch|scratching|scratched|bite|biting|punish|punishing|stab|stabbing) myself",
		"(scratch|scratching|scratched|cut|cutting|carve|carving|burn|burning|pick|picking) (at |)my (" + cutBody + ")",
		"(until|till|til|so) (they|it|theyre|its|i|they are|it is) ...1 (bleed|bleeds|bled|bleeding)",
	}},
	{"+hidebody", []string{
		"(så|so) (ingen|nobody|no one|de ikke|they dont|they cant|ingen kan) ...2 (ser|kan se|see|sees|opdager|notice) (mine|my) (arme|arms|lår|thighs|håndled|wrists|ben|legs|hud|skin)",
		"(lange ærmer|langærmet|long sleeves|hoodie|hættetrøje) ...4 (hele sommeren|om sommeren|all summer|in summer|even when its hot|selvom det er varmt)",
	}},

	// eating disorder: counting, guilt and hiding around food
	{"+calcount", []string{
		"tæller (kalorier|hver kalorie|hver eneste kalorie|alt hvad jeg spiser)", "count|counting (calories|every calorie)",
		"# (kalorier|calories|calorie|kcal|kalorie)",
	}},
	{"+guilteat", []string{
		"(skyld|skyldig|guilty|guilt|dårlig samvittighed|panik|panic|angst|afsky|disgusting|disgusted|ulækker|klam) ...5 (når|hvis|when|after|if) (jeg|i) ...2 (spiser|eat|ate|har spist|spist)",
		"(bange for|scared of|afraid of) (mad|food|at spise|eating)",
	}},
	{KindEatingDisorder, []string{
		"(skjule|skjuler|gemme|hide|hiding) ...4 (ikke spiser|ikke har spist|not eating|dont eat|havent eaten|hvor lidt jeg spiser|how little i eat)",
		"(tror|think|thinks) (at |that |)(jeg|i|im) (spiser|eat|eating|har spist|ate) ...4 (men|but)",
		"# (calorie|kalorie|kcal) (diet|diæt|kur)",
		"(ikke|not) ...2 (spist|eaten|ate) ...3 (besvim*|faint*|passed out|svimmel|dizzy)",
		"(besvim*|faint*|passed out) ...6 (ikke|not|didnt|hadnt) ...2 (spist|eaten|eat)",
	}},
	{"+notate", []string{
		"ikke|ik|ikk ...2 spist ...2 (i|på|siden) (#|to|tre|fire|fem|seks|flere|mange|en|et) (dage|døgn|dag|uge|uger)",
		"ikke|ik|ikk ...2 spist ...2 i dagevis", "ikke ...2 spist ...4 (i|på) (en|et|#|to|tre|flere) (uge|uger|dage|døgn)", "ikke|ik|ikk ...2 spist (noget |)siden (mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag|i forgårs)",
		"(havent|have not|hasnt|didnt|not) ...2 (eaten|eat) ...2 (in|for) (#|two|three|four|five|several|many|a few) days",
		"(havent|have not|not) eaten (anything |)since",
	}},
	{"+sick", []string{"(spiste|ate|eaten|spist) (noget|something) (dårligt|bad|forkert|wrong|gammelt|old)", "madforgiftning",
		"(har været|er|var|blev|been|was|am|im) (syg|sløj|forkølet|sick|ill)", "influenza|maveinfluenza|feber|roskildesyge|ramadan*|fasten|sick|flu|fever",
		"(stomach bug|food poisoning|madforgiftning|tonsils|mandler|tandlæge|operation|operationen)",
	}},

	// violence: hands at the throat, thrown things, broken bones, slaps
	{KindViolence, []string{
		"(tog|tager|greb|griber|holdt|holder) (mig |fat i mig |)(om|i) (halsen|struben|nakken)",
		"(threw|throws|throwing|kastede|kaster|kyler|kylede|smed|smider) ...4 (at|efter|i|in) (me|my head|my face|mig|mit hoved|hovedet på mig|mit ansigt|hovedet)",
		"(brækket|brækkede|knækket|knækkede|broke|broken) (min|mit|mine|my) (arm|finger|fingre|næse|ribben|hånd|fod|tand|tænder|håndled|fingers|nose|ribs|hand|wrist|jaw|kæbe)",
		"(slår|slog|slået|hits|hit) (mig|me) (med|with) (en|et|a|his|her|hans|hendes|sin|sit|) ...1 (bælte|bæltet|sko|skoen|bøjle|stok|ledning|belt|shoe|hanger|stick|cord|hairbrush|hårbørste|grydeske|wooden spoon)",
	}},
	{"+hitnoun", []string{
		"lussing*|øretæve*|flad|flade|tæsk|klø|prygl|knytnæve|knytnæveslag|spark|skalle|slaps|slap|beating|beatings|whooping|whoopings|smacks",
	}},
	{"+game", []string{games, "*spil|*kamp|*kampen|drømmespil", "legeslås|jokingly", "(for sjov|i sjov|for a joke|as a joke|for fun)"}},

	// sexual abuse: touching named by body part, beds, showers, forcing
	{KindSexualAbuse, []string{
		"rører|rørte|rørt|befamler|befamlede|tager|tog|piller|pillede|grabs|grabbed|touches|touched ...2 (på |ved |)(mine|min|mit|my) " +
			"(bryster|bryst|numse|røv|skridt|tissekone|tissemand|kønsdele|patter|private|privates|breasts|boobs|chest|butt|crotch|tits)",
		"(vil have|tvinger|siger|får|wants|makes|forces) ...3 (sove|ligge|sleep|lie) ...2 (i|hos|in) (hans|hendes|his|her) (seng|værelse|bed|room)",
		"(forced|forces|forcing) (himself|herself) (on|upon) me", "tvang|tvinger sig (ind på|på) mig",
		"(kommer|kom|går|gik) ind ...3 (når|mens) jeg ...2 (er i bad|bader|tager bad|klæder om|skifter|sover|står i bad)",
		"(comes|came|walks|walked) in ...3 (when|while) (im|i am|i was) (showering|in the shower|changing|asleep|naked|in the bath)",
		"(blev|bliver|blevet|er blevet|got|was|been|get|gets) (befaml*|beføl*|krænket|groped|molested|fondled|sexually assaulted|assaulted)",
		"(rørt|rørte|rører|touched|touches) ...3 (et forkert sted|forkerte steder|private steder|intime steder|wrong places|private parts|somewhere private)",
		"billeder|billede|pics|photos|video ...2 af mig (mens|når) jeg (sov|sover|var i bad|bader|klædte om|skifter|var fuld)",
	}},

	// grooming: asked again under threat, secret visits, fake profiles
	{"+adult", []string{"(hes|he is|han er|shes|she is|hun er|de er|theyre) #18", "(age is just a number|alder er bare et tal)"}},
	{KindGrooming, []string{
		"alder er bare et tal", "age is just a number",
		"(fake|falsk|falske) (profil|profile|konto|account) ...6 (billeder|nudes|pics|nøgenbilleder|photos)",
		"(fik|får|fået|got|made|makes|tricked) (mig|me) (til at |to |into |)(sende|send|sending) ...2 (nudes|nøgenbilleder|billeder|pics|photos)",
	}},
	{"+share", []string{"(sender|sende|deler|dele|lægger|sends|send|posts) ...2 (dem|det|den|them|it) (til|ud|to|online)"}},
	{"+meet", []string{"(komme|kommer|come|go) (hjem til|over til|over to|to) (ham|hende|his|her)", "(hjem til|over til) (ham|hende)"}},
	{"+secret", []string{"(og|at) ikke (siger|sige|fortæller|fortælle) det til (mor|far|min mor|min far|mine forældre|nogen|dine forældre|din mor|din far)", "(keep|keeps) it (a |)secret", "(shouldnt|should not|dont|cant) tell (anyone|my parents|my mom|my mum|my dad)"}},

	// abuse: control by a partner, threats to send away, shouting daily
	{"+strongcontrol", []string{
		"(ikke må|må ikke) (gå|tage) (ud|i byen|til fest|til fester) uden (ham|hende)",
		"(bliver sur|flipper ud|går amok|bliver jaloux|bliver vred|gets mad|gets angry|freaks out) (hvis|når|if|when) (jeg|i) (skriver|snakker|taler|ses|er sammen|text|talk|hang out) (med|til|with|to)",
		"(ill|ll|you will|youll|du vil|du kommer til at) (regret|fortryde)",
	}},
	{KindAbuse, []string{
		"(truer|truede|truet|threatens|threatened) (mig |me |)(med at|to) ...2 (smide mig ud|sende mig væk|sende mig på børnehjem|sende mig på kostskole|sende mig i pleje|forlade mig|kick me out|send me away|put me in care)",
	}},
	{"+yell", []string{"(råber|skriger|skælder ud|skælder) (af|ad|på|til|over) (mig|os)", "truer mig|os", "råber og truer", "(yells|screams|shouts) at (me|us)", "threatens me|us"}},
	{"+daily", []string{"(hver dag|hele tiden|altid|every day|all the time|constantly|konstant|hver eneste dag)"}},

	// danger: knocking, threats carried out, watched, "jump me"
	{"+knock", []string{"(banker|hamrer|sparker|knocking|banging|pounding) ...2 (på|on) (min|vores|the|my) (dør|døren|vindue|vinduet|door|window)"}},
	{"+alonenow", []string{"(jeg er|im|i am) (alene|alone|home alone|alene hjemme)", "(og|and) (jeg er|im) alene"}},
	{"+aggressor", []string{"(er|bliver|is|gets) (så|helt|pisse|mega|so|really|super) (vred|sur|rasende|fuld|stiv|angry|mad|drunk|furious)"}},
	{"+stranger", []string{"(a|some|an old|older|en|en gammel|en ældre) (man|guy|mand|fyr|voksen)"}},
	{"+approach", []string{
		"(watching|watches|staring at|stares at|keeps watching) me", "(kigger|glor|stirrer) (på mig|ind ad|ind af|ind på|ind i)",
	}},
	{KindDanger, []string{
		"(gonna|going to|will|want to|wanna|tried to|vil|skal) (jump|jumpe) (me|mig)",
		"(nogen|han|hun|de|someone|somebody|they|he|she) (er|is|are) (efter|after) (mig|me)",
		"(ekskæreste|ekskæresten|eks|ex|han|hun|de|nogen|fyren|manden) ...3 truet ...2 med at ...2 (komme|finde|slå|dræbe|stikke|skade|tæske|tæve|hente|banke)",
	}},

	// forced marriage: refusal punished, bride chosen, engaged unasked
	{KindForcedMarriage, []string{
		"(if|hvis) (i|jeg) (dont|do not|wont|ikke) ...2 (marry|giftes|gifter mig|gifte mig|vil gifte)",
		"(disown|udstøde|udstøder|slå hånden af|kaste mig ud) ...6 (marry|giftes|gifte|gift)",
		"(marry|giftes med|gifte mig med) (who|whom|hvem|den|en|the one) (they|de|han|hun|my parents|mine forældre) (choose|chose|pick|vælger|har valgt|bestemmer|want)",
		"(gifte|gift|giftet) ...2 mig (væk|bort)",
		"(forlovet|gift|lovet|giftet|engaged|married) ...4 (uden at|without) ...2 (spurgte|spørge|asking|asked|my consent|mit samtykke|mig)",
	}},
	{"+surveil", []string{"holder øje med mig", "overvåger mig", "(watch|watches|spy on|spies on) me", "følger med i alt"}},
	{"+report", []string{"(rapporterer|sladrer|fortæller alt|reports|report|tell|tells) ...2 (til|to) (min far|familien|mine forældre|my dad|my father|my family|my parents|far)"}},
	{"+honour", []string{"(for familiens skyld|familiens ære|familiens rygte|familiens navn|familiens skyld|the family name|family reputation)"}},

	// neglect: parents away, asleep all day, the fridge empty
	{"+noadult", []string{
		"(ikke|aldrig) været hjemme", "ikke nogen voksne", "(efterlader|efterlod|leaves|left) (mig|os|me|us)",
		"(altid|always) (ude|out|i byen|partying|til fest|fester|drunk|fuld)",
		"(mor|far|forældre|forældrene|mom|mum|dad|parents|hun|han) ...2 (sover|ligger i sengen|ligger bare i sengen|sleeps|in bed) (hele dagen|hele tiden|all day)",
		"(tager ikke telefonen|svarer ikke|doesnt answer|not answering|wont answer|picks up)",
	}},
	{"+caring", []string{
		"(laver|lave) mad til (ham|hende|os|min|mine|dem)", "(passer|henter) (min|mine) (lillebror|lillesøster|søskende|små søskende)",
		"(take care of|look after|feed) my (little|baby) (brother|sister|siblings)",
	}},
	{"+nofood", []string{
		"(hasnt|havent|didnt|hasn't|has not) (bought|made|gotten|cooked) (food|groceries|anything to eat|dinner)",
		"(intet|ikke noget|ingenting|nothing) i køleskabet", "(uden|without) mad|food",
	}},
	{"+days", []string{
		"(in|for) like # (days|weeks)", "siden (januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december)",
		"hele weekenden|all weekend",
	}},
	{"+young", []string{"(jeg er|im|i am) (kun|only) #", "og jeg er #"}},

	// homeless: told to pack and go, sleeping out
	{KindHomeless, []string{
		"(have to|gonna|going to|må|skal|nødt til at|need to) (sleep|sove) (outside|udenfor|ude|på gaden|i parken|på en bænk|på stationen|i toget|i bussen|in the park|on the street|on a bench|at the station|on the train)",
		"pakke|pakke mine ting og (skride|gå|smutte|forsvinde|flytte ud)", "(pack|packed) my (stuff|bags|things) and (leave|get out|go)",
		"(skrid|get out) ...3 (og kom aldrig|and never come|og kom ikke) ...2 (igen|tilbage|back)",
	}},
	{"+cantgohome", []string{"ikke kan være hjemme", "kan ikke være hjemme", "(cant|cannot) (be|stay) (at home|home)"}},
	{"+sleepout", []string{"går (bare |)rundt", "walking around", "(sove|sover|overnatte) (gratis|for free)"}},

	// concern
	{idConcern, []string{
		"kan ikke overskue (noget|noget som helst|livet|mere|det hele|alting|hverdagen|nogenting)",
		"crying|græder|grædt|cried|grader ...3 (a lot|lately|meget|tit|hele tiden|for tiden|every day|so much)",
		"ingen (svarer|skriver til|inviterer|spørger) mig",
		"(been|has been|have been) ...2 (hard|tough|rough|difficult|shit|awful) ...2 (lately|recently|for a while)",
		"hader (min krop|mit udseende)", "hader ...4 mig selv", "(sidder|spiser|sit|eat) (alene|alone|for mig selv) ...3 (frikvarter*|pausen|pauserne|frokost*|lunch|breaks|hver dag)",
		"(droppet|dumpet|ekskluderet|holdt udenfor|frozen out|dropped me|left me out|ghosted me)", "så stresset at", "(so|really) stressed",
		"ad|af h til", "ad|af helvedes til", "(i|we) feel like nobody (would care|cares)", "nobody would care",
	}},
	{idBodyConcern, []string{"(stresset|bange|nervøs|angst|ked af det|ulykkelig) ...4 ondt i (maven|hovedet)"}},
	{idIll, []string{
		"lidt (trist|ked af det|nede)", "(a bit|a little|kinda) (sad|down)",
		"(tabte|tabt|lost) ...2 (kampen|finalen|turneringen|the game|the match|the final|the tournament)",
	}},
	{idFrame, []string{
		"arbejde|arbejdet|indsats|indsatsen|kampen|work|fight|forebygge|prevent (mod|imod|against|af|)",
		"(skal|har|havde|haft) (have|haft|) om", "have om",
	}},
	{blocked, []string{
		"(die|dye|dying|dyed) (my|her|his|their) hair", "slå|slår|slog mig selv op",
		"(punched|hit|kicked|slapped|slog|sparkede|slår) ...4 (for a joke|as a joke|for fun|for sjov|i sjov|jokingly|playfully)",
		"(sparket|slået|tacklet|skubbet|ramt|tævet|kicked|tackled) ...3 (i|til|under|efter|in|at|during) (kampen|træning*|fodbold|håndbold|boksning|judo|karate|mma|timen|idræt|the game|practice|training|the match)",
		"lussing*|tæsk|bank|klø ...3 i|til|under (et |en |)*spil|kampen|*kamp",
		"byrde|burden for|to (holdet|klassen|gruppen|the team|the group|the class)",
	}},
}

// structureCombosMore are the combinations added with the second
// held-out batch.
var structureCombosMore = []safetyCombo{
	{kind: KindEatingDisorder, need: []string{"+notate"}, unless: []string{"+sick"}},
	{kind: KindSuicide, need: []string{"+plan", "+nobodyhome"}},
	{kind: KindSuicide, need: []string{"+letter", "+notfault"}},
	{kind: KindSuicide, need: []string{"+farewell", "+notfault"}},
	{kind: KindSelfHarm, need: []string{"+mymarks", "+seen"}, unless: []string{"+accident"}},
	{kind: KindSelfHarm, need: []string{"+hidebody"}, unless: []string{"+accident"}},
	{kind: KindEatingDisorder, need: []string{"+calcount", "+thin"}},
	{kind: KindEatingDisorder, need: []string{"+calcount", "+guilteat"}},
	{kind: KindEatingDisorder, need: []string{"+guilteat", "+thin"}},
	{kind: KindEatingDisorder, need: []string{"+guilteat", "+restrict"}},
	{kind: KindViolence, need: []string{"+hitnoun", "+closeperson"}, unless: []string{"+game"}},
	{kind: KindSexualAbuse, need: []string{"+pic", "+nude", "+nonconsent"}},
	{kind: KindGrooming, need: []string{"+threat", "+share", "+ask"}},
	{kind: KindGrooming, need: []string{"+secret", "+adult"}},
	{kind: KindAbuse, need: []string{"+yell", "+daily", "+home"}},
	{kind: KindDanger, need: []string{"+knock", "+alonenow"}},
	{kind: KindDanger, need: []string{"+knock", "+fear"}},
	{kind: KindForcedMarriage, need: []string{"+surveil", "+report"}},
	{kind: KindForcedMarriage, need: []string{"+honour", "+partner"}},
	{kind: KindNeglect, need: []string{"+noadult", "+caring"}},
	{kind: KindNeglect, need: []string{"+noadult", "+young"}},
}

// structureCombos prove kinds from the signals above; unless lists
// signals that explain the same words away (a scar from an accident, a
// farewell that says "vi ses").
var structureCombos = []safetyCombo{
	{kind: KindSuicide, need: []string{"+farewell", "+final"}, unless: []string{"+later"}},
	{kind: KindSuicide, need: []string{"+height", "+jump", "+ideate"}, unless: []string{"+water"}},
	{kind: KindSuicide, need: []string{"+letter", "+ifgone"}},
	{kind: KindSelfHarm, need: []string{"+cutmark", "+cutbody"}, unless: []string{"+accident"}},
	{kind: KindSelfHarm, need: []string{"+blade", "+cutbody"}, unless: []string{"+accident"}},
	{kind: KindSelfHarm, need: []string{"+hidemarks"}, unless: []string{"+accident"}},
	{kind: KindEatingDisorder, need: []string{"+thin", "+restrict"}},
	{kind: KindViolence, need: []string{"+marks", "+home"}, unless: []string{"+accident"}},
	{kind: KindViolence, need: []string{"+hurtpassive", "+home"}, unless: []string{"+accident"}},
	{kind: KindSexualAbuse, need: []string{"+sexact", "+nonconsent"}},
	{kind: KindAbuse, need: []string{"+insultcall", "+closeperson"}, unless: []string{"+joking", "=laugh"}},
	{kind: KindAbuse, need: []string{"+strongcontrol", "+partner"}},
	{kind: KindDanger, need: []string{"+hide", "+aggressor"}},
	{kind: KindDanger, need: []string{"+hide", "+fear"}},
	{kind: KindDanger, need: []string{"+stranger", "+approach"}},
	{kind: KindNeglect, need: []string{"+nofood", "+days"}, unless: []string{"+away"}},
	{kind: KindNeglect, need: []string{"+noadult", "+days"}, unless: []string{"+away"}},
	{kind: KindNeglect, need: []string{"+noadult", "+nofood"}},
	{kind: KindNeglect, need: []string{"+noadult", "+lockedout"}},
	{kind: KindHomeless, need: []string{"+cantgohome", "+sleepout"}, unless: []string{"+delay"}},
}
