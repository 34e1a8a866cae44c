package understand

// The safety lexicon's fourth part: crises told indirectly, written by
// category from fresh batches measured before tuning. Young people rarely
// name what is wrong; they say how long they can hold out, what they read
// about pills, who gets their things, what a parent calls them, that the
// coach wants the messages deleted. Each group below reads one such way of
// telling, with the everyday uses of the same words kept out.

const (
	// what a young person can no longer bear or keep up ("holde det her
	// ud", "hold on"): the object of endurance, never a task ("blive ved
	// med at spille" is not it)
	daEndure = "(holde det ud|holde det her ud|holde ud|holde til det|holde til det her|klare det|klare det her|" +
		"klare mere|blive ved med det her|blive ved med det|blive ved sådan|blive ved sådan her|" +
		"orke det|orke det her|kæmpe mere|leve sådan|leve sådan her|leve med det her)"
	enEndure = "(hold on|hold out|keep going|keep doing this|keep living|keep fighting|go on|take this|take it|" +
		"do this|keep this up|last|live like this|keep pretending)"
	// the trusted adults who groom: coaches, teachers, leaders, tutors
	// and the older friends of a family
	adultRoles = "*træner|*træneren|*lærer|*læreren|*coach|*pædagog|*pædagogen|spejderleder*|klubleder*|" +
		"ungdomsleder*|holdleder*|lejrleder*|fritidsleder*|korleder*|instruktør*|tutor|tutoren|vejleder*|" +
		"kontaktperson*|leader|tutor|instructor|mentor|pastor|præst*|imam*"
	// everyday trespasses a parent "kills you" over: the idiom, not a threat
	trivial = "(fail|fails|failed|dumper|dumpe|dumpet|test|testen|eksamen|exam|prøven|karakter*|grades|" +
		"report card|lektier*|homework|for sent|late|glemmer|glemte|forget|forgot|mælk|milk|værelse|værelset|" +
		"room|regning*|bill|curfew|ridser|scratch|dent|bilen|the car|ødelagt|broke|mistede|lost)"
)

var safetyIndirect = []termGroup{
	// suicide: endurance with an end in sight
	{KindSuicide + "^", []string{
		"(dø|dør|døde|die|dies|died|død) (af|of|from) ...2 (for mange|for meget|too many|too much|en overdosis|an overdose|##|#5) ...1 (" + pills + ")",
	}},
	{"+cantgoon", []string{"ikke kan mere", "ikke orker mere", "ikke kan klare mere"}},
	{KindSuicide, []string{
		"(ved ikke|aner ikke|ved ik) hvor (længe|lang tid|meget længere) (jeg|je) (kan|orker|gider) " + daEndure,
		"(ved ikke|aner ikke) hvor (længe|lang tid) ...3 (kan|orker) ...2 (det her|dette|det)$",
		"(ved ikke|aner ikke) hvor (længe|lang tid) (jeg|je) (kan|orker|gider) (blive ved|kæmpe|holde|klare)$",
		"(dont know|idk|not sure|no idea) how (long|much longer) (i|im|i can) ...2 " + enEndure,
		"how (much longer|long) (can i|i can|will i|i will|am i going to|im gonna) ...2 " + enEndure,
		"(kan|orker|gider) ikke (blive ved|leve|holde til det|klare det) ...3 (meget længere|længe endnu|længe mere)",
		"(cant|cannot|can not|wont be able to) " + enEndure + " ...2 (much longer|any longer|for long|longer)",
		"(giver|giv|give|giving|gave) (op|up) (for good|for altid|på livet|on life|on living|on everything|på alt)",
		"(orker|gider|kan) ikke (at |)kæmpe (mere|længere|for at leve|for at holde mig i live)",
		"(tired|sick) of (fighting|trying) (to stay alive|to live|to survive|for my life)", "fighting to stay alive",
		"(ikke|ingen) (flere |mere |)kræfter (til at leve|til livet|tilbage til at leve)",
		"(ingen|ikke nogen|ikke en) (grund|mening) (til|med) at jeg (er her|lever|er i live|findes|eksisterer)",
		"(no|not a|not any) reason (for me |why i should |)(to be here|to be alive|to exist|to live|i should live)",
		"(udvej|vej ud|way out|option|løsning|solution) ...3 (end|andet end|udover|ud over|than|other than|except|but) ...2 (at dø|dø|døden|to die|death|dying|selvmord|suicide|ending it)",
		"(eneste|only) (udvej|løsning|måde|way out|solution|option) (er|is) ...1 (at dø|døden|to die|death|dying|suicide)",
		"(see|find) (the |a |any |)point in (anything|everything|any of this|it all|life) ...1 (anymore|any more|now)",
		"(kan|kan ikke) ...2 (se|finde) (meningen|pointen|nogen mening) med (noget|noget som helst|nogenting|det hele|alting) (mere|længere)",
	}},
	// suicide: means researched or gathered
	{KindSuicide, []string{
		"(læst|læser|læste|googlet|googler|googlede|søgt|søgte|undersøgt|undersøger|tjekket|read|reading|researched|researching|googled|googling|looked up|searching|searched) (om |about |up |on |)" +
			"hvor (mange|meget) (" + pills + "|sovepiller|smertestillende) ...2 (der skal til|skal der til|man skal tage|er for meget|er dødeligt|er dødelig|slår en ihjel)",
		"(read|reading|researched|researching|googled|googling|looked up|searching|searched) (about |up |on |)how (much|many) (" + pills + "|sleeping pills) ...2 (is too much|is lethal|is fatal|would kill|does it take|it takes|to die|to overdose|can kill)",
		"hvor (mange|meget) (" + pills + "|sovepiller|smertestillende) (der skal til|skal der til|man skal tage|er for meget|er dødeligt|er dødelig|slår en ihjel)",
		"how (much|many) (" + pills + "|sleeping pills) ...2 (is too much|is lethal|is fatal|would kill|does it take|it takes|to die|to overdose|can kill)",
		"(hvad|hva) (der sker|sker der) hvis (man|jeg|en) (tager|sluger|tog) (##|#5|en hel|hele|alle|mange|for mange|en masse) ...3 (" + pills + ")",
		"what (happens|would happen|will happen) if (you|i|someone) (take|takes|took|swallow|swallowed) (##|#5|a whole|whole|all|too many|a lot of|a bunch of) ...3 (" + pills + ")",
		"(a whole|whole|a full|full|en hel|hel) (bottle|pack|box|glas|pakke|æske|bøtte|strip) (of|med|af) (sleeping |)(" + pills + ")",
		"hvor (højt|langt) ...6 (for at|før|så) (dø|man dør|jeg dør|du dør|en dør)",
		"(tænker|tænkt|tænkte|lyst til|vil|overvejer|overvejet|thinking|thought|think|want to|wanna) ...3 (at |about |of |to |)(køre|kører|drive|driving|crash|crashing|cykle|cycle) (ind i|into|ud foran|in front of|foran) ...2 (lastbil*|træ|træet|mur|muren|bus|bussen|toget|et tog|truck|tree|wall|train|a train)",
	}},
	// suicide: goodbyes, things given away, letters that excuse others
	{KindSuicide, []string{
		"(hvis|når|if|when) (i|du|you|nogen|someone|you guys) (læser|reads|read|ser|see|finder) (det her|dette|this|den her|beskeden|the message) ...3 (er jeg|jeg er|im|i am|ill be|i will be|i wont be|er jeg ikke) ...2 (ikke her|ikke længere|væk|død|gone|dead|not here|here)",
		"(et godt|et bedre|a good|a better|a great|et lykkeligt|a happy) (liv|life) (uden mig|without me)",
		"(få|have|arve|tage|beholde|get|have|keep|inherit) (alle |all |)(mine|my) (ting|stuff|things|tøj|clothes|spil|games|playstation|ps5|telefon|phone|smykker) ...4 (når jeg er væk|når jeg er død|hvis jeg dør|når jeg dør|when im gone|when i die|if i die|after i die|efter jeg dør)",
		"(hvem der skal|hvem der får|who gets|who should get|who will get|who can have) (have |)(alle |all |)(mine|my) (ting|stuff|things|belongings)",
		"(liste|list|testamente|will) (over|of) ...2 (hvem|who) ...3 (mine|my) (ting|stuff|things)",
		"(falde i søvn|sove|fall asleep|go to sleep) (og|and) (bare |just |)(blive væk|aldrig vågne|ikke vågne|forsvinde|never wake|not wake|disappear)",
	}},
	{"+notfault", []string{
		"(wasnt|isnt|was not|is not|wasn't|isn't|never) (their|your|anyones|his|her|my parents|my moms|my mums|my dads) fault",
		"(er|var) (ikke|aldrig) (jeres|din|deres|hans|hendes|nogens|mors|fars|mine forældres) skyld",
	}},
	{"+decided", []string{"(besluttet|bestemt) mig", "(ive|i have|i) (decided|made up my mind|made my decision)", "(mit|my) (valg|beslutning|decision) (er|is) (truffet|taget|made)"}},
	{"+when", []string{
		"(gør|gøre|gjorde) (det|jeg det) (på|i|til) (mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag|weekenden|aften|nat|morgen)",
		"(gør|gøre) det (i aften|i nat|i morgen|snart|efter skole|når de sover)",
		"(this|next) (weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday|week) (is it|is the day|is when)",
		"(tonight|tomorrow|today) is (it|the day|when)", "do it (tonight|tomorrow|this weekend|on friday|on saturday|soon)",
	}},
	{"+doit", []string{"(så|og|then|and) (gør|gøre|do) (jeg |i |)(det|it)$", "(jeg|i) (gør|do) det$"}},
	{"+knowhow", []string{"(jeg|je) ved (også |godt |allerede |)(hvordan|hvorledes)$", "(i|and i|i also|i already) know how$", "ved (også |godt |)hvordan (jeg vil|jeg skal)"}},
	{KindSuicide, []string{
		"(jeg|je|jg) ...3 (ender|ende|afslutter|afslutte) det (snart|nu|i aften|i nat|i morgen|i weekenden|for altid|$)",
		"(before|then|so|and|til|until) i (just |)end it", "i (just |)(end|ending) it (all|now|tonight|soon|$)",
	}},
	// self-harm: marks made, cut deeper, done to oneself as deserved
	{KindSelfHarm, []string{
		"(lavet|laver|lave|lavede|made|make|making|gave myself|given myself|give myself) (nye |flere |new |more |fresh |)(mærker|snit|sår|ridser|ar|cuts|marks|wounds|scratches|scars) (på|i|on) ...1 (" + cutBody + "|benene|lårene|legs)",
		"(skåret|skar|skærer|cut|cutting|cuttet|cuttede) ...2 (dybere|deeper) (end|than)",
	}},
	{"+doitself", []string{"(gør|gøre|gjort|gjorde) det ved mig selv", "(doing|do|did|done) it to myself", "(keep|keeps|kept) doing it to myself"}},
	{"+deserve", []string{"fortjener|fortjent|deserve|deserved|deserves|straf|punishment|straffe"}},
	// abuse: what a parent calls the young person, wishes or regrets
	{"+insultcall", []string{
		"(siger|sagde|says|said|say|kalder|kaldte|calls|called|tell|tells|told) ...3 (jeg er|jeg var|im|i am|i was|mig|me) ...3 (den største |en |et |a |an |the biggest |)(fejl|fejlen|parasit|monster|mistake|parasite|monster|skuffelse|disappointment|abort|freak|spild af penge|waste of money|waste of space|waste of oxygen|waste of air|piece of shit|lort)",
		"(født|born) (ved en fejl|by mistake|by accident|som et uheld)",
		"(skammer sig over|ashamed of|embarrassed by|flov over) (mig|me)",
		"(siger|says|said|sagde) ...3 (ingen|nobody|no one) ...4 (elske|love|vil have|want|kan lide|like|gider) (mig|me)",
		"(siger|says|said|sagde|giver mig skylden|blames me) ...3 (det er|det var|its|it is|it was|at det er|at det var|that its) (min|my) (skyld|fault)",
		"(siger|sagde|says|said) (at |that |)(jeg var|i was|jeg er|im|i am) (grunden|the reason|skyld i|skylden)",
		"(hader|hates|hate) (mig|me) (hver dag|hele tiden|every day|all the time)",
	}},
	{"+joking", []string{"griner|grinede|laughs|laughed|laughing|joker|jokes|smiler"}},
	{KindAbuse, []string{
		"(skulle|burde|should) (have |ha |)(været|been) (en |an |)(abort|abortion|aborteret|aborted)",
		"(wishes|wished|ønsker|ønskede|ville ønske) (she|he|they|hun|han|de) (never had|hadnt had|had never had|aldrig havde fået|aldrig fik|ikke havde fået|aldrig havde haft) (me|mig)",
		"(fortryder|fortrød|regret|regrets|regretted) (at |that |)(hun|han|de|she|he|they) ...1 (fik|fået|had|have had|got) (mig|me)",
		"(siger|says|said|sagde|truer|threatens|threatened|truede) ...3 (smider|smide|kicks|kick|kaster|smid|throw|throws) (mig|me) (ud|out) (hvis|if|når|when|every time|hver gang)",
		"(threatens|threatened|threatening) to (kick|throw) me out",
		"(wishes|wished|ønsker|ville ønske) (i|jeg) (had died|died|was dead|var død|døde) (instead of|i stedet for)",
	}},
	{"+ignoreme", []string{
		"(lader som om|acts like|act like|pretends|pretend) (jeg|i) (ikke findes|ikke eksisterer|ikke er der|ikke er til|dont exist|am invisible|wasnt there|am not there)",
		"(taler|snakker|talks|speaks) ikke (til|med) mig i (flere |mange |)(dage|uger|days|weeks)", "(wont|doesnt|dont) (talk|speak) to me for (days|weeks)",
	}},
	// eating disorder: purging by will, hiding food, guilt at every bite
	{KindEatingDisorder, []string{
		"(tvinger|tvang|tvunget|får|fik|making|make|makes|made|force|forcing|forced) (mig selv|myself) (til at |to |)(kaste op|kaste|brække mig|throw up|puke|vomit|be sick)",
		"(hader|hate|væmmes ved|disgusted with|disgusted by|afskyr) (mig selv|myself) (hver gang|når|whenever|every time|when|after|efter) (jeg|i) (spiser|eat|har spist|ate|have eaten)",
		"(only |kun |)(let|allow|lader|tillader) (myself|mig selv|mig) (to |at |)(eat|spise|have) (only|kun|one|ét|et|en|#|nothing|ingenting|max|højst)",
		"(tillader|lader) (mig|mig selv) (kun |)at spise",
		"(krop|kroppen|body|fed|tyk|fat|ulækker|disgusting|gross|klam) ...3 (så|so|derfor|thats why) (jeg|i) (spiser ikke|dont eat|wont eat|stopped eating|har stoppet med at spise|spiser ingenting|spiser næsten ingenting|barely eat)",
		"(tynd|thin|skinny|undervægtig|underweight) ...3 (men|but) ...3 (vil|want|skal|need to|have to) ...1 (stadig |still |)(tabe|lose)",
	}},
	{"+hidefood", []string{"(smider|smed|gemmer|gemte|throw|throwing|threw|hide|hiding|hid) (min|my|mad|maden|food) ...2 (i skraldespanden|i skraldet|ud|away|in the trash|in the bin|under sengen|under my bed)"}},
	{"+secretly", []string{"(ved ikke|aner ikke|dont know|doesnt know|dont notice|never notice|opdager ikke|har ikke opdaget) (at|that) (jeg|i)"}},
	// neglect: basics missing for long, nobody answering
	{"+nobasics", []string{
		"(ikke haft|havent had|have not had|not had|hasnt been any|no) (varmt vand|strøm|varme|hot water|electricity|heating|power)",
		"(nobody|no one|ingen) (has |har |)(washed|washes|vasket|vasker) (my|mit|mine|our|vores) (clothes|tøj)",
	}},
	{"+nofood", []string{
		"(hasnt|hasn't|has not|havent|isnt|is not|there is no|theres no|there isnt|there hasnt|there has not) (been |)(any |)(food|mad)",
		"ikke haft noget at spise",
	}},
	{"+noadult", []string{"(isnt|is not|not|arent|wont|doesnt) (answering|picking up|pick up|answer)", "(svarer|tager) ikke (telefonen|sin telefon|når jeg ringer)"}},
	{"+days", []string{"siden i går (morges|middags|aftes|morgen)", "(in|for) weeks"}},
	{KindNeglect, []string{
		"(vi|jeg|we|i) (spiser|får|eat|get) (kun|only) (mad |food |)...5 (i skolen|at school|skolemaden|school lunch|school food)",
	}},
	// homeless: no place to stay for a while, told to go for good
	{KindHomeless, []string{
		"(ikke haft|not had|havent had|hasnt had|ikke har haft) (noget |et |a |)(hjem|home|sted at bo|sted at sove|place to live|place to stay|place to sleep)",
		"(skride|skrid|smutte|forsvinde|flytte|get out|leave|go) (og|and) (aldrig|ikke|never|not) (komme|come|vise mig|show my face) (tilbage|hjem|igen|back|home)",
	}},
	{"+livesrough", []string{"(bor|lever|sover|living|sleeping|live) (i et telt|i en bil|i min bil|i skoven|i et skur|i en kælder|in a tent|in a car|in the woods|in a shed)"}},
	{"+delay", []string{"(bus|bussen|tog|toget|train|flight|flyet|færgen|ferry) ...3 (aflyst|forsinket|cancelled|canceled|delayed|kører ikke|not running|stopped|stoppede)"}},
	// grooming by trusted adults: secrecy, deleting, gifts, meeting alone
	{"+adult", []string{
		adultRoles,
		"(ven|veninde|kammerat|friend|bekendt) (af|of) (familien|the family|min far|min mor|my dad|my mom|my mum|my parents|mine forældre)",
		"(onkels|fars|mors|brors|storebrors|søsters|storesøsters|dads|moms|brothers|uncles|sisters) (ven|kammerat|friend|venner|friends)",
		"(ven|kammerat|friend|fyr|gut|type|dude|voksen|mand|man|guy) på #18",
	}},
	{"+delete", []string{
		"(mig|me|jeg|i|os|us) ...4 (slette|slet|sletter|slettede|delete|deletes|deleting|erase|fjerne) (dem|them|it|det|alt|everything|" +
			"beskederne|the messages|the texts|the chat|chatten|samtalen|billederne)",
		"(mig|me|jeg|i|os|us) ...4 (slette|slet|sletter|slettede|delete|deletes|deleting|erase|fjerne) (vores|our|hans|his|hendes|her) " +
			"(chat|chats|beskeder|samtale|snaps|billeder|messages|texts|conversation|pictures)",
	}},
	{"+secret", []string{
		"(ikke|aldrig) (må|skal|burde) vide (noget |)(om det|det|om)", "(må|skal) ikke vide (noget |)(om det|det|om)",
		"(cant|shouldnt|mustnt|must not|cannot) know (about it|about this|about us)",
		"(ikke skal|skal ikke|shouldnt|should not|not supposed to|ikke burde) (fortælle|sige|tell) (det|noget|anyone|anybody|nogen|my parents|mine forældre)",
		"(our|vores) (chats|chat|messages|texts|beskeder|samtaler|snaps|relationship|forhold) (are|is|er|skal være|has to be|have to be|must be) (private|privat|privot|a secret|secret|hemmelig|hemmeligt|hemmelige)",
		"(has to|have to|must|skal|må) (be |være |)(a |)(secret|hemmelig|hemmeligt)",
		"(people|folk|andre|nobody|no one|ingen) (wouldnt|would not|ville ikke|vil ikke|wont) (understand|forstå)",
	}},
	{"+alone", []string{
		"(hjem til|til|hos|over to|with|to) (ham|hende|him|her|his place|his house) ...1 (alene|alone)",
		"(køre|kører|kørte|drive|drives|drove|give me a ride|give me a lift) (mig |me |)(hjem |home |)(alene|alone)",
		"(alene|alone) (i|in|på|at) (hans|hendes|his|her) (bil|car|kontor|office|værelse|room|lejlighed|apartment|hus|house)",
		"(låse|låser|låste|lock|locks|locked) (døren|the door)",
	}},
	{"+flatter", []string{
		"(siger|says|said|sagde|tells me|told me) (at |that |)(jeg er|im|i am) ...2 (special|speciel|særlig|mature|moden|hans favorit|his favourite|his favorite|her favourite|hendes favorit|smuk|beautiful|pretty|sexy|lækker)",
		"(hans|hendes|his|her) (yndlings*|favorit*|favourite|favorite)",
	}},
	{"+money", []string{
		"(købt|købte|køber|givet|gav|giver|sendt|sendte|sender|bought|buys|gave|gives|sent|sends|given) (mig |me |)(en |et |a |an |nogle |some |)(ny |nyt |new |dyr |dyre |expensive |)" +
			"(iphone|telefon|mobil|phone|gave|gaver|gift|gifts|penge|money|tøj|clothes|smykke|smykker|jewelry|robux|vbucks|gavekort|airpods|sneakers|presents)",
	}},
	{"+inreturn", []string{"(vil have|wants|want|expects|forventer|skal have|kræver|demands) (noget|something|mig|me|billeder|pics|) ...1 (tilbage|til gengæld|in return|back|som tak)"}},
	{"+meetprivate", []string{"(mødes|meet|møde mig|komme|come|see me) ...2 (på|at|i|in) (et |a |hans |his |hendes |her |)(hotel|hotelværelse|motel|hotel room|airbnb|lejlighed|apartment|place)"}},
	{"+latemsg", []string{
		"(skriver|skrev|sender|sendte|snapper|ringer|texts|texted|messages|messaged|calls|called|dms|snaps) (til |)(mig|me) ...4 (om natten|hver nat|sent om aftenen|midt om natten|late at night|at night|every night|in the middle of the night|at 2am|at 3am)",
	}},
	{"+maturage", []string{"moden for min alder", "mature for my age"}},
	{"+formal", []string{"report|rapport|udtalelse|anbefaling|evaluering|skolerapport|karakterblad|karakterbog|feedback|reference|cv|anmeldelse|review"}},
	// violence: violent when drunk, told with "voldsom"
	{KindViolence, []string{
		"(bliver|blir|blev|er) (han|hun|de|) (voldsom|voldsomme|voldelig|voldelige) (mod|over for|overfor|med|ved) (os|mig|mor|far|min|mine|hende|ham|børnene|os børn)",
	}},
	// idioms: a kill threat over an everyday trespass
	{idTrivial, []string{"(if|when|hvis|når|fordi|because) (i|jeg|she|he|they|hun|han|de|mom|dad|mor|far) ...4 " + trivial}},
	{blocked, []string{
		// praise in a school report is no flattery
		"(wrote|writes|written|skrev|skriver|skrevet) (that |at |)...6 (in|i|på) (my|min|mit) (report card|report|udtalelse|karakterblad|anbefaling|evaluering|reference|feedback)",
		"(kastede|kaster|kastet|brækkede|brækker|threw|throw) (op|up|mig) ...3 (efter|after|af|from) ...1 (for meget|too much|alt for meget|så meget|so much)",
		"(ud|out) (af|of) (køkkenet|stuen|værelset|mit værelse|hans værelse|hendes værelse|rummet|kontoret|bilen|haven|badeværelset|the kitchen|the room|my room|the car|the living room|the bathroom)",
	}},
}

// indirectCombos prove kinds from the signals above.
var indirectCombos = []safetyCombo{
	{kind: KindSuicide, need: []string{"+decided", "+when"}},
	{kind: KindSuicide, need: []string{"+cantgoon", "+doit"}},
	{kind: KindSuicide, need: []string{"+thoughtit", "+knowhow"}},
	{kind: KindSelfHarm, need: []string{"+doitself", "+deserve"}},
	{kind: KindAbuse, need: []string{"+ignoreme", "+closeperson"}},
	{kind: KindEatingDisorder, need: []string{"+hidefood", "+secretly"}},
	{kind: KindNeglect, need: []string{"+nobasics", "+days"}, unless: []string{"+delay", "+away"}},
	{kind: KindHomeless, need: []string{"+livesrough"}, unless: []string{"+away"}},
	{kind: KindGrooming, need: []string{"+delete", "+adult"}},
	{kind: KindGrooming, need: []string{"+delete", "+money"}},
	{kind: KindGrooming, need: []string{"+money", "+inreturn"}},
	{kind: KindGrooming, need: []string{"+meetprivate", "+adult"}},
	{kind: KindGrooming, need: []string{"+latemsg", "+adult"}},
	{kind: KindGrooming, need: []string{"+maturage"}, unless: []string{"+formal"}},
}

// safetyIndirectMore are the indirect tellings added with the second fresh
// batch.
var safetyIndirectMore = []termGroup{
	// suicide: the end told as over, for good, before a date
	{KindSuicide, []string{
		"(det hele|alt|alting|livet|mit liv) (bare |)(er|bliver|blir) (slut|ovre|forbi) for mig",
		"klar til at (det hele|alt|alting) (bare |)(er|bliver|blir) (slut|ovre|forbi)",
		"(tror |)det slutter her$", "(it|this) ends (here|tonight|now)$",
		"(købt|har|samlet|fået fat i|got|bought|have) ...4 (apoteket|pharmacy|chemist|" + pills + ") ...6 (nok til|enough to|enough for)",
		"(hvor|how) (mange|meget|much|many) ...4 (dødelig|dødeligt|dødelige|lethal|fatal|deadly|would kill|slår en ihjel)",
		"(kan man|kan jeg|can you|can i|will i|vil man|would i) (dø|die|død|dead) ...4 (klorin|blegemiddel|bleach|rengøringsmiddel|rottegift|gift|poison|frostvæske|antifreeze|" + pills + ")",
		"(hvor|how) (høj|højt|high|tall|langt|far|deep|dyb|dybt) ...8 (ikke overlever|not survive|dont survive|wont survive|never survive|dør med det samme|die instantly)",
		"(looking up|looked up|googled|googling|googler|googlet|søgt|søger|finding|found|fundet) ...3 (which|what|hvilken|hvilke) (bridge|building|bro|bygning|højhus|tag|roof|cliff|bridges|broer) ...3 (highest|højest|tallest|højeste)",
		"(how long|hvor lang tid|hvor længe|how fast|how much blood) ...6 (bleed out|bleed to death|forbløde|bløde ihjel|før man dør|before you die|before i die|til man dør)",
		"(sidste|last|final) (brev|letter|besked|message|note|hilsen|goodbye) (til|to)",
		"(min|my) sidste (dag|day|nat|night|aften) (tror jeg|i think|på jorden|on earth|i live|alive|$)",
		"(eller|or) (aldrig|nogensinde|ever|never) (igen|again)$",
		"(fred|ro|peace|rest) (for altid|forever|for evigt|for good)", "(evig|evige|eternal) (fred|ro|søvn|peace|rest|sleep)",
		"(ikke tænkt mig|not planning|dont plan|dont intend|not going) (at |to |on |)(være her|be here|be around|leve|live|be alive|being here|being around) (til|for|at|på|next|in|efter|after)",
		"(takes|take|tage|tager|passer|passe|look|looks|looking) (care of|sig af|på|after) ...3 (after im gone|when im gone|når jeg er væk|efter jeg er væk|efter jeg er død|after i die|when i die|efter jeg dør)",
		"(ingen|nobody|no one|noone) (behøver|skal|needs to|has to|will have to|will need to|kommer til at) ...3 (tænke på|bekymre sig om|deal with|worry about|think about|se|see|hear|høre|put up with|finde sig i) (mig|me) (efter|after) ...1 (tonight|today|i aften|i dag|i nat|i morgen|tomorrow|this|det her|now|nu)",
		"(want to|wanna|wish i could|vil|ville ønske jeg kunne|wish to|just want to) ...2 (not exist|stop existing|ikke eksistere|holde op med at eksistere|ikke findes|ikke være til)",
		"(tror ikke|ikke|dont think|not|never|wont) (jeg |i |ill |)(når at|når|kommer til at|lever til at|make it to|live to|get to) (fylde|turn|see|blive) (#|voksen|an adult|my birthday|min fødselsdag|next year|næste år)",
		"(de|nogen|they|someone|mor|far|mom|dad|mum|my parents|mine forældre) (finder|find|finds|will find|opdager|discover|discovers) (mig|me) (først|not until|only|til|) ...1 (i morgen|tomorrow|in the morning|om morgenen|når det er for sent|when its too late|too late)",
	}},
	{"+proxyfarewell", []string{"(sig|sige|tell) (undskyld|farvel|sorry|goodbye|at jeg elsker dem|i love them|that i love them) (til|to) ...3 (fra mig|for me|from me)"}},
	{"+farewell", []string{
		"(håber|hope) (i|you|jer|you all|i alle|you guys|alle) (alle |all |)(får|have|get|får det|will have) (det godt|et godt liv|a good life|good lives|a nice life|godt)",
		"thanks for everything", "tak for alt",
	}},
	{"+final", []string{"for good"}},
	{"+done", []string{"(jeg er|im|i am|i'm) (så |so |totally |helt |bare |just |)(færdig|done)$", "(færdig|done) med (alt|det hele|livet|alting)", "done with (everything|it all|life|all of it)", "(så|so) (færdig|done) med alt"}},
	{"+cantgoon", []string{"(cant|cannot|can't) (do it |)(anymore|any more)$", "(just|simply) (cant|cannot) (anymore|any more)"}},
	{"+heldon", []string{"(holding on|held on|been holding on|holdt ud|holdt fast|kæmpet|fighting|fought) (for|i|in) (years|år|so long|så længe|forever|months|måneder)"}},
	{"+notaround", []string{
		"(wont|will not|won't|not going to) be (around|here|alive) (for|at|on|til|by) ...1 (christmas|my birthday|summer|new year|next|the end)",
		"(ikke|ikke være) (her|i live) (til|på|ved) ...1 (jul|julen|min fødselsdag|sommer|sommerferien|nytår|næste)",
	}},
	{"+decided", []string{"(made|making) my (choice|decision)", "(truffet|taget) (mit|min) (valg|beslutning)"}},
	{"+plan", []string{"(planlagt|planned|planlægger|planning) (alt|everything|det hele|it all)"}},
	// self-harm: new marks hidden, lines made oneself, bands snapped
	{"+newmarks", []string{"(nye|new|fresh|friske|flere|more) (ar|snit|sår|cuts|scars|marks|mærker|streger|lines|burns|brændemærker)"}},
	{"+coverit", []string{"(skjuler|skjule|skjulte|gemmer|gemme|dækker|dække|hide|hiding|cover|covering) (dem|them|det|it)", "plaster|plastre|bandage|bandages|band aid|band aids|lange ærmer|long sleeves"}},
	{KindSelfHarm, []string{
		"(til|indtil|until|till) (det|den|de|it|they) ...3 (bløder|bleeds|bleed|bløde)",
		"(knalder|knaldede|smækker|smækkede|snap|snapping|snaps|snapped) ...2 (elastik*|rubber band*|hairtie|hair tie|hårelastik*) ...3 (håndled*|wrist|wrists|arm|armen|huden|skin)",
		"(streger|snit|mærker|ar|ridser|sår) jeg (selv har|har selv|selv) (lavet|gjort|skåret|ridset|brændt)",
		"(lines|marks|cuts|scars|burns) i (made|did|gave) (myself|on myself|to myself)",
	}},
	// abuse: unwanted, told to die or vanish, sent away, silenced
	{KindAbuse, []string{
		"(gider ikke|vil ikke|orker ikke|ikke gider|ikke vil|ikke orker) (have|ha) (en datter|en søn|et barn|børn|en unge|sådan en unge) (som mig|$)",
		"(doesnt|dont|didnt|never) (want|wanted) (a daughter|a son|a kid|a child|kids|children) like me",
		"(ikke vil|vil ikke) kendes ved mig", "(disowned|disowns|wants nothing to do with) me",
		"(siger|says|said|sagde|råber|skriger|screams|yells|told me|tells me) (at |that |)(jeg|i) ...2 (skal|burde|should|bør|kan|can|just|bare) ...1 (dø|die|go die|kill myself|slå mig selv ihjel|forsvinde|disappear)",
		"(truer|truede|truet|threatens|threatened|threatening) (mig |me |)(med at|to) ...2 (smide|sende|give|aflevere|forlade|kick|send|put|leave) (mig|me) ...1 (ud|væk|bort|out|away|up|på børnehjem|in care)",
		"(siger|says|said|sagde) (at |that |)(han|hun|de|he|she|they) ...2 (sender|smider|giver|sends|kicks|will send|will kick|gonna send|gonna kick|throws) (mig|me) (væk|ud|bort|away|out) (hvis|if)",
		"(should have|shouldve|should've|skulle have|burde have|skulle ha) (aborted|aborteret|fået fjernet) (me|mig)",
		"(hvis|if) (jeg|i) (fortæller|siger|tell|say) (nogen|noget|anyone|anything|det) (om|about|til nogen om) (hjemme|derhjemme|os|home|us|what happens|hvad der sker)",
		"(ikke fortjener|fortjener ikke|dont deserve|doesnt deserve|do not deserve) (mad|at spise|food|to eat|aftensmad|dinner|a meal)",
		"(låser|låste|locks|locked) (køleskabet|skabene|maden|the fridge|the food|the cupboards|the kitchen|køkkenet)",
	}},
	{"+ignoreme", []string{
		"(ikke|not|havent|hasnt|have not|has not) ...1 (talt|snakket|talked|spoken|sagt et ord) (til|med|to|with) (mig|me) (i|for|in) ...2 (uge|uger|måned|måneder|dage|week|weeks|month|months|days)",
	}},
	{"+insultcall", []string{
		"(er|is|im|i am|jeg er) (en |a |the |)(skam|shame|disgrace|embarrassment) (for|to|of) (familien|the family|my family)",
		"(hører|hear|får at vide|get told|am told|bliver fortalt) ...3 (at |that |)(jeg er|im|i am|jeg var) ...3 (" + insults + "|failure|fiasko)",
		"(aldrig bliver til noget|aldrig blir til noget|will never amount to anything|never amount to anything|will never be anything)",
		"(siger|says|said|sagde|sagt|say|told|tells) ...3 (jeg er|im|i am|i was|jeg var) ...3 (the |)(failure|fiasko|disgrace|embarrassment|uheld|et uheld|accident)",
		"(elsker|loves|love) (min|my) (søster|bror|sister|brother|søskende|siblings|lillebror|lillesøster) (mere end mig|more than me)",
	}},
	// eating disorder: hunger kept away, food earned, calories capped
	{KindEatingDisorder, []string{
		"(så|so) ...4 (ikke ser|ikke opdager|dont see|dont notice|wont notice|cant see|doesnt notice) (at |that |)(jeg|i) (ikke spiser|ikke har spist|dont eat|havent eaten|am not eating|im not eating|skipper|springer)",
		"(så|so) (jeg|i) (ikke bliver sulten|ikke skal spise|dont have to eat|dont get hungry|wont be hungry|wont get hungry|dont feel hungry|slipper for at spise|kan lade være med at spise)",
		"(earn|fortjene|gøre mig fortjent til|gør mig fortjent til) (my |min |)(food|mad|meals|måltider|dinner|aftensmad)",
	}},
	{"+calcount", []string{"talt (hver|alle|hver eneste) kalorie*"}},
	{"+callimit", []string{"(må ikke|must not|mustnt|cant|can not|not allowed to|won't let myself|wont let myself) (gå over|komme over|spise over|go over|exceed|eat more than|spise mere end) #"}},
	{"+weighnum", []string{"(vejer|weigh|weighs|i weigh) # (kg|kilo|kilos|pounds|lbs)"}},
	{"+moreloss", []string{"(still|stadig) (want to|vil|wanna|need to|skal) (lose|tabe)", "(vil|want to|skal) (stadig |still |)(længere|mere|further|lower|even lower) (ned|down)"}},
	{"+compensate", []string{"(løbe|løber|træne|træner|forbrænde|run|burn|work) ...1 (det|it|maden|the food|kalorierne|calories|them) (af|off)"}},
	{"+aftereat", []string{"(hver gang|every time|whenever|efter|after|når|when) (jeg|i) (spiser|eat|ate|har spist|have eaten)"}},
	// neglect: no adult for days, the money gone on drink, care undone
	{"+noadult", []string{
		"(ikke været|not been|hasnt been|havent been|har ikke været) (nogen|any) (voksne|voksen|adults|adult|grown ups) (hjemme|home)",
		"på druk",
		"(ligger|sidder) (bare |)(på sofaen|i sengen|på sengen|foran tv|foran fjerneren) (og |)(drikker|sover|ryger|hele dagen)",
		"(kommer|comes) (først |)(hjem|home) (efter midnat|om natten|at night|after midnight|næste morgen|the next morning)",
		"(bruger|spends|spender|brugte|spent) (pengene|alle pengene|the money|all the money|money|alt) på (cigaretter|smøger|øl|alkohol|sprut|stoffer|hash|spil|beer|alcohol|drugs|booze|gambling|cigarettes)",
		"(doesnt|dont|didnt|wont|does not) come home (for days|for a week|at night|for weeks)",
		"(betaler ikke|doesnt pay|dont pay|never pays|betaler aldrig) (regningerne|huslejen|the bills|the rent|strømmen|for food)",
		"(er|is) (i fængsel|in prison|in jail)",
	}},
	{"+nofood", []string{
		"(kun|only) ...2 (ketchup|brød|toast|chips|nudler|cornflakes|bread|noodles|cereal|kiks|havregryn) (tilbage|left)",
		"(ikke råd til|cant afford|can't afford) (mad|food|groceries|dinner)",
		"(nobody|no one|ingen) (has |har |)(cooked|made food|lavet mad|cooks|makes dinner|laver mad) (for|til) (me|us|mig|os)",
	}},
	{"+caring", []string{
		"(putte|putter|bade|bader) (min|mine) (lillebror|lillesøster|søskende|små søskende|brødre|søstre)",
		"(skal|må) selv (lave mad|putte|sørge for)",
		"(take care of|look after|feed|looking after|taking care of) my (brothers|sisters|siblings|brother|sister)",
	}},
	{"+days", []string{"in ages", "i evigheder"}},
	{"+alonealways", []string{"(alene|alone) (det meste af tiden|hele tiden|most of the time|all the time|hver dag|every day|every night|hver aften|hver nat)"}},
	{"+forgetme", []string{"(glemmer|forgets|forgot|glemte) (at |to |)(hente|pick up|feed|fodre|give os mad|lave mad|get) (mig|me|os|us|)"}},
	{"+elsewhere", []string{"(sover|sove|sleep|sleeps|sleeping|spiser|eat) (ofte |tit |often |)(hos|at) (naboen|naboerne|the neighbours|my neighbours|the neighbors|my neighbors|venner|friends)"}},
	{KindNeglect, []string{
		"(gider ikke|vil ikke|won't|wont|doesnt|dont|never) (tage mig med|take me|tager mig med) (til lægen|to the doctor|til tandlægen|to the dentist|to the hospital|på hospitalet)",
		"(ikke været|never been|havent been|not been) (til lægen|at the doctor|to the doctor|til tandlæge|to a doctor) ...6 (ondt|pain|hurt|syg|sick|smerter) ...4 (måneder|months|længe|ages|uger|weeks)",
	}},
	{"+nobasics", []string{"(ikke|ingen|no) (varme|heating) i (lejligheden|huset|hjemmet|the flat|the apartment|the house)", "(fryser|freezing) (om natten|at night)"}},
	// homeless: on the street, on friends' sofas, locked out for good
	{KindHomeless, []string{
		"(bor|sover|lever|living|sleeping|live) ...1 (på gaden|on the street|on the streets)",
		"(sovet|sover|sleeping|slept|sleep) (på|hos|at|on) (forskellige|different|venners|friends|vens|random) ...2 (sofaer|sofa|couches|couch|places|steder|houses)",
		"(ikke bor|not live|dont live|doesnt live) (der|hjemme|there|at home|here) (mere|længere|anymore)",
		"(changed|skiftet|skiftede|ændret|ændrede) ...2 (door code|dørkoden|koden til døren|koden til hoveddøren|the code to the door|the door code)",
		"(cant|can not|cannot|kan ikke) (get|komme) (in|ind) (anymore|mere|længere)",
		"(jeg har|i have|i got) (ikke noget|intet|ingen|no|nowhere|not a) (sted|steder|place)$",
	}},
	{"+cantgohome", []string{"(må ikke|ikke må|not allowed to|cant|can't) (komme|come|go) (hjem|home)"}},
	{"+roughsleep", []string{"(sleeping|sleep|slept|sove|sover|sov|sovet) (in|i|på) (the |a |en |et |my |)(stairwell|trappeopgang*|opgang*|opgangen|basement|stairs|parking garage|p kælder|cykelkælder|skur|skuret|shed|a doorway|en port)"}},
	// grooming: personal questions, private numbers, tickets, a place to stay
	{"+personalq", []string{
		"(spørger|asks|asked|spurgte|asking) ...1 (om |if |)(jeg har|i have|i've|ive) (en |a |)(kæreste|boyfriend|girlfriend|bf|gf|haft sex|had sex|kysset|kissed)",
		"(spørger|asks|asked|spurgte|asking) (om |)(hvad|what) (jeg|i|im|i'm) (har på|wearing|am wearing|er iført|sover i|sleep in)",
		"(asks|asked|spørger|spurgte|asking) ...3 (where i live|hvor jeg bor|if im home alone|om jeg er alene hjemme|when my parents|hvornår mine forældre|om mine forældre er hjemme|if my parents are home)",
	}},
	{"+privnum", []string{"(givet|gav|given|gave) (mig|me) (sit|sin|hans|hendes|his|her) (private |personlige |personal |eget |own |)(nummer|number|snap|insta|mobilnummer)"}},
	{"+cam", []string{"(går|gå|go|get|være|be) (på|on) (cam|kamera|camera|video|facetime)"}},
	{"+pressure", []string{"(if i|hvis jeg) (really |virkelig |)(loved|love|elskede|elsker|cared about|liked|kunne lide|stolede på|trusted) (him|ham|her|hende)"}},
	{"+secret", []string{"(hemmelig|hemmelige|secret|private) (snap|snapchat|konto|profil|account|chat|insta|telefon|phone|nummer|gruppe|group)", "(kun|only|just) (til|for|between) (os to|us two|the two of us|os|us)$"}},
	{"+alone", []string{
		"(når|when|while) (ingen|nobody|no one) (andre |else |)(er der|is there|is around|er hjemme|is home|ser det|can see|er i nærheden)",
		"(stay|stays|blive|bliver) ...3 (alone|alene)",
	}},
	{"+adult", []string{
		"*instruktør|*instruktøren|chauffør|chaufføren|buschauffør*|driver", "bus driver",
		"(fyr|fyren|mand|manden|guy|man|dude|type) ...3 (er|is) #18",
		"(fætter|kusine|nabo|naboen|cousin|neighbour|neighbor|pige|girl|dreng|boy|onkel|uncle) på #18",
		"(friends|friend's|vens|venindes|veninders|kammerats) (dad|father|mom|mum|far|mor|uncle|onkel|brother|storebror|stepdad)",
		"(older|ældre) (man|guy|men|mand|fyr|mænd)",
	}},
	{"+flatter", []string{
		"(different from|anderledes end|not like|ikke som) (other|de andre|alle de andre|alle andre) (girls|guys|kids|piger|drenge|børn|teens)",
		"(smukkeste|pæneste|lækreste|prettiest|most beautiful|hottest) (på|on|i|in) (holdet|klassen|the team|the class|skolen|school)",
	}},
	{"+money", []string{"(gives|gave|giver|gav|buys|bought|køber|købte) (me|mig) (candy|slik|sweets|snacks|cigarettes|cigaretter|vapes|vape|alkohol|alcohol|øl|beer)", "vbucks|robux", "v bucks"}},
	{"+travel", []string{"(plane ticket|flybillet|togbillet|train ticket|bus ticket|billet|tickets) ...6 (visit|besøge|komme|come|to see him|til ham|hjem til|over to)"}},
	{"+giftphone", []string{"(givet|gav|given|gave|købt|bought|købte) (mig|me) (en |a |et |)(ny |new |)(telefon|mobil|phone|simkort|sim card|iphone)"}},
	{"+offerstay", []string{"(tilbudt|tilbyder|tilbød|offered|offers|offering) (mig|me) (at |to |)(bo|sove|overnatte|live|stay|sleep|flytte ind) (hos|with|at) (ham|hende|him|her|his)"}},
	// violence: hit with things
	{KindViolence, []string{
		"(slår|slog|slået|hits|hit|beats|beat|tæsker|tæver|banker) (hun|han|de|she|he|they|mig|os|me|us|) ...1 (med|with) (en |et |a |the |his |her |hans |hendes |sin |sit |)(bøjle*|bælte*|ledning*|stok*|sko|skoen|grydeske*|slev*|hårbørste*|fjernbetjening*|belt|hanger|cord|stick|shoe|spoon|remote|wire|kabel|kablet|cable)",
	}},
	{idConcern, []string{"(feel|feeling|felt) like (such a|a total|a complete|a|such an|an) (failure|loser|disappointment|mess|idiot)"}},
	{blocked, []string{
		"(slept|sov|sleep|sleeping|sovet) ...6 (because|fordi|da|since|as) ...4 (cancelled|canceled|aflyst|delayed|forsinket|missed|missede|nåede ikke)",
		"(do it|gøre det|gør det|end it|ende det) ...4 (i mean|jeg mener|mener jeg|altså|meaning) (the|my|min|mit|mine|ansøgning*|opgave*|application|homework|essay|project|projekt*|lektie*|tilmelding*|signup|sign up)",
		"(hiver|hev|river|rev|trækker|trak|skubber|skubbede|slår|slog|pushes|pulls|hits|pulled|pushed) ...4 (når|mens|while|when) (vi|we) (leger|legede|leg|spiller|spillede|play|played|playing|laver sjov|pjatter|fjoller|horse around|mess around|messing around)",
	}},
}

// indirectCombosMore prove kinds from the second batch's signals.
var indirectCombosMore = []safetyCombo{
	{kind: KindSuicide, need: []string{"+proxyfarewell", "+cantgoon"}},
	{kind: KindSuicide, need: []string{"+farewell", "+done"}},
	{kind: KindSuicide, need: []string{"+cantgoon", "+heldon"}},
	{kind: KindSuicide, need: []string{"+done", "+cantgoon"}},
	{kind: KindSuicide, need: []string{"+notaround", "+decided"}},
	{kind: KindSuicide, need: []string{"+notaround", "+done"}},
	{kind: KindSuicide, need: []string{"+notaround", "+cantgoon"}},
	{kind: KindSelfHarm, need: []string{"+newmarks", "+coverit"}, unless: []string{"+accident"}},
	{kind: KindEatingDisorder, need: []string{"+calcount", "+callimit"}},
	{kind: KindEatingDisorder, need: []string{"+weighnum", "+moreloss"}},
	{kind: KindEatingDisorder, need: []string{"+compensate", "+aftereat"}},
	{kind: KindNeglect, need: []string{"+noadult", "+alonealways"}},
	{kind: KindNeglect, need: []string{"+forgetme", "+elsewhere"}},
	{kind: KindNeglect, need: []string{"+nobasics", "+noadult"}},
	{kind: KindHomeless, need: []string{"+roughsleep"}, unless: []string{"+away"}},
	{kind: KindGrooming, need: []string{"+personalq", "+adult"}},
	{kind: KindGrooming, need: []string{"+privnum", "+adult"}},
	{kind: KindGrooming, need: []string{"+money", "+cam"}},
	{kind: KindGrooming, need: []string{"+pressure", "+pic"}},
	{kind: KindGrooming, need: []string{"+travel", "+online"}},
	{kind: KindGrooming, need: []string{"+travel", "+adult"}},
	{kind: KindGrooming, need: []string{"+giftphone", "+adult"}},
	{kind: KindGrooming, need: []string{"+offerstay", "+adult"}},
}

// safetyIndirectThird are the indirect tellings added with the third fresh
// batch.
var safetyIndirectThird = []termGroup{
	// suicide: not waking on purpose, the place found, a day more too much
	{KindSuicide, []string{
		"(ingen|nobody|no one|noone) (skal|behøver|needs to|has to|will have to|kommer til at) ...2 (tænke på|bekymre sig om|worry about|think about|deal with|se|see) (mig|me) (igen|again|mere|anymore|længere)",
		"(lader|lade|lad) være med at (vågne|vågner)", "(skip|stop) waking up",
		"(fundet ud af|ved|besluttet|decided|figured out|know|found|worked out) (hvor|where|hvordan|how|hvornår|when) (jeg|i) (skal|vil|will|am going to|im gonna|gonna|want to|should) (gøre|do) (det|it)",
		"(for|så|so|to) (ikke at|man ikke|jeg ikke|not|never|i dont|i never) ...1 (vågne|vågner|wake)",
		"(how many|how much|hvor mange|hvor meget) ...4 (" + pills + ") ...4 (it would take|would it take|it takes|does it take|it will take|der skal til|skal der til|skal man tage|to die|at dø|is lethal|er dødeligt)",
		"(færdig|done|træt|tired|sick) (med|with|of) (at være til|at eksistere|at leve|existing|being alive|living)",
		"(ikke|cant|cannot|can't|dont think i can|not|never) ...3 (holde ud|klare|orke|overleve|take|stand|handle|make it through|survive|get through|live) ...4 (en dag mere|et døgn mere|en uge mere|en nat mere|another day|one more day|another week|another night|one more night)",
		"(overvejet|overvejer|tænkt|tænker|lyst|vil|ville|thinking|thought|want|wanna) ...3 (at |about |of |to |)(gå|træde|step|stepping|walk|walking|hoppe|jump|jumping|lægge mig|lie down) (ud foran|foran|in front of|on the tracks|på skinnerne)",
		"(hvis|if) (jeg|i) ...6 (så |then |)(ved i|ved du|you know|you'll know|youll know|will know|vil i vide|you will know) (hvorfor|why)",
		"(goodbye|farewell) (text|texts|message|messages|letters|videos|video|notes)", "farvelbrev*|farvelbesked*",
		"(fall asleep|falde i søvn|sove|go to sleep) (and|og) (just |bare |)(be done|være færdig|slippe|never wake|stop)",
		"(thinking|thought|tænkt|tænker|tænkte) (about|på|over) (how|hvordan) (i|id|jeg) (would |ville |skulle |will |)(do it|gøre det|gør det|end it|ende det)",
		"(my|this is my) last (day|night|week) (i think|on earth|alive|$)",
		"(gonna|going to|will|want to|wanna|vil|skal|ville|planning to|planlægger at) (jump|jumpe|hoppe|springe) (off|from|ud fra|ned fra|fra|ud af) ...2 (taget|tag|broen|bro|altanen|vinduet|højhuset|parkeringshuset|roof|bridge|balcony|building|parking|garage|cliff|klippen|skrænten|window)",
		"(slukke for|turn off|switch off|shut off|shut down) (mig selv|myself)",
	}},
	{"+emptied", []string{"(ikke mere|intet mere|ingenting|nothing left|no more|nothing more) (i mig|in me|at give|to give|tilbage|left)"}},
	{"+ifgone", []string{"(hvis|if|when|når) (nogen|someone|anyone|de|they|mor|far) (leder efter|looks for|look for|comes looking for|kommer og leder efter) (mig|me)"}},
	{"+letter", []string{"(mit|my) (brev|letter|afskedsbrev|sidste besked|note)"}},
	{"+ready", []string{"(everything|alt|it all|alting) (is |er |)(ready|klar|parat|sat op|set)", "(got|have|fået|har) (everything|alt) (ready|klar)"}},
	{"+toomuch", []string{
		"(hvis|når|if|when|til når|for when) det (bliver|blir|gets|is) (for meget|too much|for slemt|too bad|slemt|bad)",
		"(for when|til når|når) (i need it|jeg har brug for det|jeg får brug for det|det bliver slemt|it gets bad)",
	}},
	{"+hideblade", []string{"(gemt|gemmer|hide|hiding|hid|keep|keeps|har) (a |an |et |en |)(blade|barberblad*|razor*|kniv|knife) (in|i|under)"}},
	// self-harm: burning one's own fingers, cut again, to feel something
	{KindSelfHarm, []string{
		"(brænder|skærer|ridser|kradser|stikker|burn|cut|scratch) (jeg|i) (mine|min|mit|my) (" + cutBody + "|fingre|fingers|hænder|hands|hånd|ben|legs)",
		"(skåret|cuttet|ridset|brændt mig|cut myself|burned myself|hurt myself) (igen|again)",
	}},
	{"+purpose", []string{"for at (mærke|føle) (noget|smerte|at jeg lever|mig selv)", "to feel (something|pain|alive|real)"}},
	// abuse: evil, a regret, a pig, locked out at night, sent away if disobedient
	{"+insultcall", []string{
		"(kalder|kaldte|calls|called|siger|says|said|sagde) ...3 (ond|onde|evil|talentløs|talentless|gris|svin|pig|hval|whale|spild af luft|spild af plads|spild af tid|spild af ilt|spild af penge)",
		"(jeg|i) ...1 (har |have |)(ødelagt|ødelægger|ruined|ruin|destroyed) (familien|the family|alt|everything|vores familie|our family|deres liv|their lives|hendes liv|hans liv)",
		"(så|so) (jeg|i) (ikke fandtes|ikke eksisterede|aldrig var blevet født|wouldnt exist|didnt exist|was never born)",
		"(jeg er|im|i am|i was|jeg var|er jeg) (hendes|hans|deres|her|his|their) (største |biggest |)(fortrydelse|regret|fejl|mistake|skuffelse|disappointment)",
		"(ligner|looks like|look like) (en |a |)(gris|svin|pig|hval|whale|ko|cow|monster)",
		"(siger|says|said|sagde|told me|tells me) ...3 (ingen|nobody|no one) ...4 (elske|love|want|like|kan lide) (someone like me|en som mig|sådan en som mig)",
		"(makes fun of|mocks|griner af|gør grin med|håner|laughs at) (my|min|mit|mine) (body|krop|kroppen|weight|vægt|udseende|looks|face|ansigt)",
		"(river|rev|smider|smed) (mine|min|mit) ...2 (i stykker|ud|out)",
	}},
	{KindAbuse, []string{
		"(låser|låste|locks|locked) (mig|me) (ude|out) (om natten|at night|hele natten|all night)",
		"(burde|skulle|should|should have) (være|have været|be|have been) (død|dead|died) (i stedet for|instead of)",
	}},
	{"+sendaway", []string{
		"(sender|sende|smider|smide|sends|send|kicks|kick|put|puts|putter|giver|give) (mig|me) ...1 (væk|ud|bort|away|out|i pleje|på børnehjem|på kostskole|in foster care|into foster care|into care|in care|til hjemlandet|til deres hjemland|til mit hjemland|back home|to my home country)",
	}},
	{"+ifobey", []string{"(hvis|if) (jeg|i) ...4 (ikke adlyder|ikke opfører mig|ikke hører efter|keep|dont behave|dont listen|dont obey|bliver ved|fortsætter|er et problem)"}},
	// eating disorder: one bite too much, hunger as control, getting rid of it
	{KindEatingDisorder, []string{
		"(spist|ate|eaten|had) ...4 (og|and) (det er|det var|thats|that is|that was|its|it was) (for meget|too much|alt for meget|way too much)",
		"(kan ikke|cant|cannot) (spise|eat) (uden at|without) ...4 (dårligt med mig selv|skyldig|guilty|hate myself|hader mig selv|dårlig samvittighed|fat|tyk|fed|hating myself)",
		"(stop|stopper|holde op med at|stoppe med at|stopping) (eating|at spise|spise) (until|indtil|til)",
		"(kun|max|højst|only) (at |to |)(spise|eat) (#|under #) (kalorier|calories|kcal)",
		"(sulten|hungry|sult|hunger) ...6 (kontrol|control)",
	}},
	{"+restrict", []string{"(havent|have not|hasnt|not) (had|eaten) (a |any |)(proper |real |)(meal|måltid)"}},
	{"+hidefood", []string{"(smider|smed|throw|throwing|threw) (madpakke*|lunch|my lunch|frokost*) ...1 (ud|away|out)"}},
	{"+eat", []string{"dinner|lunch|breakfast|aftensmad*|frokost*|morgenmad*"}},
	{KindEatingDisorder, []string{
		"(har det bedst|feel best|like being|kan lide at være|elsker at være|love being) (når jeg er |when im |when i am |)(sulten|hungry|tom|empty)",
		"(vejer|weigh) (mig|myself) (#|flere|mange|several|many) (gange|times) (om dagen|a day|i døgnet|per day|dagligt)",
		"(vejer|weigh) (mig|myself) (før og efter|before and after|efter hvert|after every|hver gang|every time)",
		"(spiser|eat) (mindre|less|ingenting|nothing) (hvis|if|when|når) ...3 (vægt|tallet|the number|weight|scale|vægten|vægten viser)",
	}},
	{"+getridof", []string{"(get rid of|komme af med|slippe af med|skille mig af med) (it|det|maden|the food|what i ate|det jeg har spist)"}},
	{"+thin", []string{"(collarbones|kraveben*|ribs|ribben|hip bones|hoftekam*|thigh gap|hofteben*) ...4 (show|vise|stikke ud|stick out|see|se|synlige)"}},
	// neglect: hungry to school, never food, the food eaten by others
	{"+nofood", []string{
		"(går|gå|go|went) sulten (i skole|i seng|to school|to bed)", "(go|went) to school hungry",
		"(there's never|theres never|there is never|der er aldrig|never any) (any |)(food|mad)",
		"(nobody|no one|ingen) (has |har |)(cooked|made|lavet) (aftensmad|mad|dinner|food|a meal)",
	}},
	{KindNeglect, []string{
		"(eats|spiser|takes|tager|ate|spiste) (all the|alt|al|all our|all my|al vores|al min) (food|maden|mad) ...6 (we|i|vi|jeg) (dont|don't|never|ikke|aldrig) (get|får) (any|noget|nogen|mad|food)",
		"(får|get|spiser|eat) (kun|only) (mad|food|ordentlig mad|a proper meal|a meal|aftensmad|dinner) (når|when|hos|at)",
	}},
	{"+nobasics", []string{"(der er|there are|there is|vi har) (mus|rotter|mice|rats|kakerlakker|cockroaches|lopper|fleas|skimmel|mould|mold)", "(så |so |)(beskidt|filthy|dirty|ulækkert) (at|that)"}},
	{"+noadult", []string{
		"(ingen voksne|nobody|no adult|ingen|no one) (gør noget|does anything|cares|gider)",
		"(started|began|begyndte|startede|is) (using|drinking|to drink|to use|at drikke|at tage stoffer|på stoffer) (again|igen)",
	}},
	{"+young", []string{"(im|i'm|i am|jeg er) (" + daChildAge + ")"}},
	{"+runaway", []string{"(væk|borte) hjemmefra", "stukket af", "(left|ran away from|run away from) home", "(ikke været|havent been|not been) hjemme"}},
	{"+nowhere", []string{"(ved ikke|dont know|don't know|aner ikke) (hvor|where) (jeg|i) (skal|should|can|kan) (gå|tage|go|sove|sleep|være|be|hen)"}},
	// homeless: things thrown on the street, nowhere to be, a shelter
	{KindHomeless, []string{
		"(smidt|smed|threw|thrown) (alle |all |)(mine|my) (ting|stuff|things|tøj|clothes|bags|belongings) (ud|out) ...2 (på gaden|on the street|i opgangen|udenfor|outside|on the lawn|på trappen)",
		"(intet|ikke noget|ingen|ikke et) (sted|steder) at være (i nat|i aften|efter|nu|lige nu|$)",
	}},
	{"+roughsleep", []string{"(staying|sleeping|sleep|stay|sover|sove|overnatte|overnatter) (in|at|i|på) (a |the |et |en |)(bus shelter|busskur*|stairwell|doorway|tunnel|trappeopgang*)"}},
	// grooming: just us two, our little deal, his tent, a promise not to tell
	{"+alone", []string{
		"(bare|kun|just|only) (os to|us two|the two of us)",
		"(når|when|while) (mine forældre|my parents|mor|far|min mor|min far|mom|dad|my mom|my dad) (ikke er hjemme|are not home|arent home|are away|er væk|er ude|are out|isnt home|is not home)",
		"(come|comes|kom|komme) over alone",
	}},
	{"+secret", []string{
		"(vores|our) (lille |little |)(aftale|deal|thing|hemmelighed)",
		"(ikke skal|skal ikke|shouldnt|not supposed to) (fortælle|sige|tell) (om|about)",
		"(lover|lovet|promise|promised) (ikke at|not to) (sige|fortælle|tell) (det|noget|anyone|nogen|anybody)",
		"(og |)(ikke siger|ikke sige|not say|dont say) (noget|anything)$",
	}},
	{"+giftphone", []string{"(give|giver|vil give|købe|buy|will buy|wants to give|wants to buy|vil købe) (mig|me) (en |a |et |)(ny |new |)(telefon|mobil|phone|iphone)"}},
	{"+sleepwith", []string{"(sove|sleep|overnatte|ligge|sover) (i|in|hos|at) (hans|hendes|his|her) (telt|seng|værelse|tent|bed|room|sovepose|sleeping bag|lejlighed|place)"}},
	{"+latemsg", []string{"(messages|texts|beskeder|sms|snaps|calls|ringer|skriver) ...3 (at #am|kl #|klokken #|at # am)"}},
	{"+flatter", []string{"(misses me|savner mig|loves me|elsker mig)"}},
	{"+adult", []string{"(older|ældre|big) (brother|bror|cousin|fætter)"}},
	{"+cam", []string{"(video call|videocall|videochat|video chat|facetime|cam call)"}},
	{"+personalq", []string{"(wants|want|asks for|asked for|vil have|spørger om|spurgte om) (my|min) (address|adresse|location|lokation|skole|school)"}},
	// forced marriage: dress policed under threat
	{"+honourdress", []string{"tørklæde|tørklædet|hijab|hijaben|slør|sløret|headscarf|niqab|burka"}},
	{idConcern, []string{"(nobody|no one|ingen) (ever |nogensinde |)(asks|spørger) (how i am|hvordan jeg har det|how im doing|how i feel)"}},
	{idFrame, []string{"(hjælpe|hjælper|støtte|støtter|help|helping|support|supporting) (venner|veninder|friends|en ven|a friend|mine venner|my friends|klassekammerater|classmates)"}},
	{blocked, []string{
		"(sov|sover|sovet|slept|sleeping) ...8 (til|på|at|during|under) ...1 (festival*|festivalen|koncert*|fest|festen|lejr*|camp|roskilde|smukfest)",
		"(couch surfing|couchsurfing|sofasurf*) ...6 (in|i|på|on|during) ...3 (trip|tur|turen|rejse|interrail|ferie|holiday|vacation|backpacking)",
	}},
}

// indirectCombosThird prove kinds from the third batch's signals.
var indirectCombosThird = []safetyCombo{
	{kind: KindSuicide, need: []string{"+emptied", "+final"}},
	{kind: KindSuicide, need: []string{"+emptied", "+cantgoon"}},
	{kind: KindSuicide, need: []string{"+means", "+ready", "+final"}},
	{kind: KindSuicide, need: []string{"+means", "+toomuch"}},
	{kind: KindSelfHarm, need: []string{"+blade", "+toomuch"}},
	{kind: KindSelfHarm, need: []string{"+hideblade", "+toomuch"}},
	{kind: KindSelfHarm, need: []string{"+cutact", "+purpose"}},
	{kind: KindAbuse, need: []string{"+sendaway", "+ifobey"}},
	{kind: KindEatingDisorder, need: []string{"+restrict", "+days"}, unless: []string{"+sick", "+away"}},
	{kind: KindEatingDisorder, need: []string{"+hidefood", "+restrict"}},
	{kind: KindEatingDisorder, need: []string{"+getridof", "+eat"}},
	{kind: KindEatingDisorder, need: []string{"+fatfear", "+restrict"}},
	{kind: KindHomeless, need: []string{"+runaway", "+nowhere"}},
	{kind: KindGrooming, need: []string{"+sleepwith", "+adult"}},
	{kind: KindForcedMarriage, need: []string{"+honourdress", "+threat"}},
}
