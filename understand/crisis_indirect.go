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
