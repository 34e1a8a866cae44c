package understand

// Crisis kinds, most urgent first. A message showing several reports the
// first of them.
var crisisKinds = []string{"suicide", "self_harm", "danger", "abuse", "violence"}

// People who may hurt a young person, and what they do. They are pasted
// into the patterns below so that "min stedfar slår mig", "slår min far
// mig" and "my dad hits me" are all one rule each.
const (
	daPerson = "far|faren|fars|farmand|fatter|mor|moren|mors|mutter|stedfar|stedfaren|stedmor|" +
		"stedmoren|papfar|papfaren|papmor|papmoren|bonusfar|bonusmor|kæreste|kæresten|" +
		"ekskæreste|ekskæresten|bror|broren|storebror|storebroren|søster|søsteren|onkel|onklen|" +
		"morfar|farfar|forældre|forældrene|træner|træneren|lærer|læreren|han|hun|de|nogen|" +
		"fyr|fyren|manden|mand|kone|voksen|voksne|drenge|drengene|pigerne|kammerat|kammerater|" +
		"fætter|kusine|nabo|naboen|stepfar|mormor|farmor|familie|familien"
	daHurt = "slår|slog|slået|sparker|sparkede|sparket|tæver|tævede|tævet|banker|bankede|" +
		"banket|skubber|skubbede|kvæler|kvalte|nikker|truer|truede|truet|misbruger|misbrugte|" +
		"misbrugt|voldtager|voldtog|voldtaget|mishandler|mishandlede|mishandlet|befamler|" +
		"befamlede|beføler|befølte|skader|skadede|skadet|skade|slå|sparke|tæve|" +
		"banke|dræbe|dræber|voldtage|kvæle|tævne|smadrer|smadre|gennembanker|tæsker|tæskede|tæsket|" +
		"udnytter|udnyttede|afpresser|afpressede"
	enPerson = "dad|daddy|father|mom|mum|mommy|mother|stepdad|stepfather|stepmom|stepmum|" +
		"stepmother|boyfriend|girlfriend|bf|gf|brother|sister|uncle|parents|parent|he|she|" +
		"they|someone|somebody|husband|wife|coach|teacher|man|guy|partner|ex|family|cousin|neighbour|neighbor"
	enHurt = "hits|hit|hitting|beats|beat|beating|kicks|kicked|kicking|hurts|hurt|hurting|" +
		"abuses|abused|abusing|touches|touched|touching|chokes|choked|choking|rapes|raped|" +
		"slaps|slapped|slapping|punches|punched|punching|threatens|threatened|molests|molested|" +
		"strangles|strangled|grabs|grabbed|kill|hurts|harm|harms|harmed|rape"
)

// crisisTerms are the phrases that show a young person may be in danger.
// A missed crisis costs far more than a false alarm, so the net is wide;
// the blocked group below keeps everyday idioms out of it.
var crisisTerms = []termGroup{
	{"suicide", []string{
		"selvmord*", "*selvmord*", "selvmor", "selvmorstank*", "selvmods*", "suicid*", "*suicid*",
		"sucid*", "ikke|ik|ikk|ingen ... lyst til at leve|eksistere",
		"ikke|ik|ikk|ingen ... lyst til at være her|til", "ikke|ik|ikk|ingen ... lyst til at være i live",
		"ikke|ik|ikk|ingen ... lyst til (livet|mit liv)",
		"lyst til at dø", "lyst til at forsvinde for altid", "vil dø", "vil bare dø",
		"vil gerne dø", "vil helst dø", "ville ønske jeg var død|døde", "ønsker jeg var død",
		"ønsker at dø", "ønsker mig død", "ville ønske jeg ikke fandtes|eksisterede|levede",
		"ville ønske jeg aldrig (var født|blev født|var blevet født)", "ønsker jeg aldrig var født",
		"bedre hvis jeg var død|væk", "bedre hvis jeg ikke var her|fandtes|levede",
		"bedre uden mig", "bedre af uden mig", "ikke være her mere|længere|mer",
		"ikke at være her mere|længere", "ikke leve mere|længere|mer", "vil ikke leve",
		"gider ikke (leve|livet|mere at leve)", "gider ikke at leve", "orker ikke livet|leve|mere",
		"orker ikke at leve", "tage|tager|tog mit eget liv", "tage|tager mit liv",
		"tage livet af mig", "tage livet af mig selv", "slå|slår|slog mig selv ihjel",
		"slå mig ihjel", "jeg|je|jg ... slår|slog mig ihjel", "dræbe|dræber mig selv", "hænge|hænger mig", "hænge mig selv",
		"springe|hoppe|kaste mig ud foran", "springe|hoppe ud foran (et tog|en bil|toget)",
		"ende|afslutte mit liv", "ende|afslutte det hele", "gøre en ende på (det|livet|mit liv)",
		"gøre det af med mig selv", "ikke værd at leve", "ingen grund til at leve",
		"(intet|ikke noget) at leve for", "overdosis", "vil ikke vågne op", "ikke vågne op igen",
		"forsvinde for altid", "kill (myself|meself|my self)", "killing myself",
		"kms", "end my life", "end it all", "ending it all", "end my own life",
		"take my own life", "take my life", "want to die", "wanna die", "want to be dead",
		"wish i was|were dead", "wish i wasnt|werent alive|born", "wish i was never born",
		"(dont|do not) (want to|wanna) (live|be alive|exist)",
		"(dont|do not) want to be here anymore", "no reason to live", "nothing to live for",
		"better off dead", "better off without me", "not worth living", "unalive*",
		"hang myself", "overdose", "od on", "suicidal", "disappear forever",
		"going to end it", "gonna end it", "want to end it", "dont want to wake up",
		"ikke ønsker at leve", "ønsker ikke at leve", "ikke vil leve",
		"(taget|tage|slugt|sluge) (en masse|mange|alle|alle mine) piller|pillerne",
		"(ingen|ikke nogen) vil|ville savne mig", "(nobody|no one|noone) (would|will) (miss|care)",
		"care if i (died|was gone|disappeared)", "miss me if i",
		"ingen mening med (livet|at leve|at være her)", "livet er meningsløst", "meningsløst at leve",
		"(cant|cannot|can not) go on", "want to disappear", "vil bare forsvinde", "vil forsvinde for altid",
		"lyst til at forsvinde", "ville ønske jeg kunne forsvinde", "wish i could disappear",
		"(feel like|want to|going to|gonna|thinking about|think about|thought about) (ending it|end it|ending my life|end my life)",
		"tænker|tænkte|tænkt|tænke ... på at dø|døden", "tanker om at dø|døden|selvmord",
		"think|thinking|thought ... about dying|death|suicide", "træt|træls af (livet|at leve)",
		"færdig med livet", "tired|sick of living|life", "done with life", "hader at leve",
	}},
	{"self_harm", []string{
		"skade|skader|skadet|skadede|skaede|skad|skadde mig selv|sev|slev|self",
		"(vil|ville|lyst til at|tænkt på at|tænker på at|prøvet at|prøver at) skade|skære|cutte|ridse mig",
		"skærer|skære mig", "jeg skar mig$", "skar mig igen",
		"gøre|gør|gjort|gjorde skade på mig selv", "gøre|gør|gjorde mig selv fortræd|ondt",
		"gøre|gør ondt på mig selv", "skære|skærer|skar|skåret i mig selv",
		"skære|skærer|skar|skåret mig selv", "skære|skærer|skar i (armen|armene|håndleddet|mine arme|mig)",
		"cutter|cutte|cuttet|cuttede|cutting|cuttes", "selvskad*", "selv skade|skader",
		"brænde|brænder|brændte mig selv", "slå|slår|slog mig selv", "sulte|sulter|sultede mig selv",
		"kaste op med vilje", "ridser|ridse|ridsede mig", "ridser|ridse i armene",
		"kradser mig til blods", "straffe|straffer mig selv", "ridset|ridsede mig", "(har|har været) cuttet",
		"hurt|hurting|harm|harming|cut|cutting|burn|burning|starve|starving|hit|punish myself",
		"self harm*", "selfharm*", "self injur*", "cutting again", "cut my wrists|wrist|arms",
	}},
	{"abuse", []string{
		daPerson + " ... " + daHurt + " mig",
		daPerson + " ... rører|rørte|rør|piller ved mig",
		daHurt + " " + daPerson + " mig",
		daHurt + " min|mit|vores " + daPerson + " mig",
		"(min|vores|mine) " + daPerson + " ... slår|tæver|banker$", daPerson + " drikker og slår|tæver",
		"rører|rørte ved mig", "rør ved mig", "seksuelt", "seksuelle overgreb",
		"overgreb*", "blevet krænket", "krænker|krænkede mig", "voldtag*", "voldtægt*", "voldtog",
		"incest", "misbrugt", "blevet misbrugt", "misbruger mig", "mishandlet",
		"sende nøgenbilleder", "(tvinger|tvang|presser|pressede|presset) (mig |)til (sex|seksuelle ting|at have sex|at sende billeder)",
		"forces|forced|pressures|pressured me (into sex|to have sex|to send nudes)", "made me have sex",
		"deler billeder af mig", "nøgenbilleder af mig",
		enPerson + " ... " + enHurt + " me", "being abused", "been abused", "am abused",
		"im abused", "abusive", "sexually", "sexual abuse", "assaulted", "raped", "rape",
		"molest*", "touches|touched me", "grooming me",
	}},
	{"violence", []string{
		"bliver|blir|blev|er|været|blevet slået|tævet|banket|sparket|kvalt|mishandlet",
		"vold derhjemme|hjemme", "vold i hjemmet|familien", "vold mod mig",
		"jeg|mig|je|jg ... udsat for vold|overgreb", "udsat for vold derhjemme",
		"domestic violence", "violence at home", "violent at home", "beaten up", "get beaten",
		"getting beaten", "being beaten", "been beaten", "gets drunk and hits",
		"slår mig når", "får|fik bank|tæsk af|derhjemme|hjemme",
		daPerson + " ... " + daHurt + " min|mit mor|far|søster|bror|lillebror|lillesøster|storebror|storesøster|mormor|farmor",
	}},
	{"danger", []string{
		"jeg|je|jg ... i fare", "er i fare", "i livsfare", "livsfare", "in danger",
		daPerson + " ... vil|skal|prøver|prøvede|truer|truede ... " + daHurt + " mig",
		daPerson + " ... slå|slår|slog mig ihjel", "truer|truede mig",
		"bange for at han|hun|de|min|mit",
		"bange for ham|hende", "bange for min|mit " + daPerson,
		"tør ikke tage|gå|komme|cykle hjem", "tør ikke at tage|gå|komme hjem",
		"tør ikke (være|at være) hjemme|derhjemme", "ikke tryg|sikker derhjemme|hjemme",
		"føler mig ikke tryg|sikker derhjemme|hjemme", "utryg derhjemme|hjemme",
		"forfølger mig", "stalker mig", "følger efter mig", "smidt ud hjemmefra|hjemme",
		"afpresser|afpressede mig", "bliver|blevet afpresset", "blackmail*", "being blackmailed",
		"bange for at gå|tage|komme hjem", "(intet|ikke noget|ingen) sted at sove|bo", "nowhere to sleep",
		"nowhere to (sleep|stay|go|live)",
		"smidt mig ud hjemmefra", "kicked me out of (the house|home)", "kicked out of home",
		enPerson + " ... wants|want|going|gonna|will|tries|tried|threatens|threatened ... " + enHurt + " me",
		enPerson + " ... " + "kill|kills me", "threatens me", "threatened me", "threatened to",
		"scared|afraid|terrified of him|her", "scared|afraid|terrified of my " + enPerson,
		"scared|afraid|terrified to go home", "not safe at home", "(dont|do not) feel safe",
		"unsafe at home", "being followed", "stalking me", "scared he|she|they will",
		"someone|somebody|he|man ... following me",
	}},
	{blocked, []string{
		// everyday hyperbole that contains a crisis word
		"keder|keda|kede|kedede mig ihjel", "griner|grine|grinede|griner mig ihjel",
		"fryser|fryse mig ihjel", "arbejder|arbejde mig ihjel", "træner mig ihjel",
		"sveder mig ihjel", "spiser mig ihjel", "slå|slår|slog tiden ihjel",
		"dø|dør|døde|døer|doer af", "død af", "dø|dør for", "vil dø for",
		"slå|slår|slog|slået op", "slå|slår|slog et slag for", "slå|slår|slog sig ned",
		"slå|slår|slog mig ned", "slå|slår|slog mig løs", "slår mig som",
		"det|den|som slår|slog mig", "slået ud|sammen|fra|til|af", "slå|slår|slog mig op",
		"slår|slog mig ... i skak|badminton|tennis|fifa|spil|ludo|kort|bordtennis|fodbold|løb|matematik|ludo",
		"bakker|bakkede mig op", "skubber mig til at", "skubber|skubbe mig ud af min komfortzone",
		"cutte|cutter|cuttet|cuttede ... video|videoer|videoen|film|filmen|klip|klippet|musik|hår|håret|billeder|billede|lyd|sang|sange|tiktok|tiktoks|reels|vlog",
		"cutting edge", "cutting|cut|cutter|cutte|cuttede ... vegetables|veggies|food|paper|hair|grass|wood|onions|bread|cake|videos|video|clips|clip|film|films|grøntsager|papir|brød|løg|kage", "cutting down|back|class|classes", "cut down|back|class",
		"seksuelt overført|overførte|overførbare|aktiv|aktive", "arter|dyr|dyrene|klimaet|naturen er i fare",
		"dyr|arter|børn|unge|mennesker|folk|natur|naturen i fare", "animals|species|nature|wildlife|people|kids in danger",
		"det|den|som rører|rørte ved mig", "rører ved mig følelsesmæssigt", "hit|hits me hard",
		"i fare for", "in danger of", "danger zone",
		"die|dying laughing", "die|dying of", "die|dying for", "to die for", "dying to",
		"killing|killed|kill it", "kill time", "killing time", "beat|beats me at|in",
		"hit|hits me up", "hit|hits me with", "it|that hit|hits me", "bored to death",
		"scared to death", "scared|afraid of (spiders|heights|dogs|the dark)",
		"bange for at han|hun|de ikke kan lide", "bange for at de ikke", "bange for edderkopper|højder|hunde|mørke",
		"bange for at (dumpe|fejle|komme for sent)", "# kms", "kms væk", "kms away",
		"the suicide squad", "suicide squad", "hurt myself playing", "slog mig selv op",
		"skærer|skære|skar mig selv i fingeren", "skar mig på", "skærer mig på",
		"ikke være her mere end", "ikke være her længere end", "ikke leve mere end",
		"vil dø af grin", "ved at slå mig ihjel", "du|i slår|slog mig ihjel", "du dræber mig",
		// laughter marks a joke: "my mom is gonna kill me lol"
		"kill|kills|killing me lol|haha|hahaha|lmao|xd|jk|hehe", "slår|slog|dræber mig ihjel haha|hahaha|lol|xd|hehe", "(det|den|det her) slår|slog mig ihjel",
		"kom|kommer til at skære|skærer mig", "skar|skærer|skåret mig (på|i fingeren|ved et uheld|i køkkenet)",
	}},
}

// crisisExceptions keep near-misses of crisis words out of the typo net:
// "bakker mig op" (backs me up) is one letter from "banker".
var crisisExceptions = []string{
	"bakker", "bakkede", "sparer", "sparede", "skabe", "skaber", "skide", "skider",
	"spaar", "spår", "rydder", "trøster", "støtter", "sker", "skate", "skater",
}

var crisisLex = newLexicon(crisisTerms, 5, crisisExceptions...)

// findCrisis reports whether the message shows a crisis and of which kind.
func findCrisis(d *doc) (bool, string) {
	hits := crisisLex.match(d)
	if len(hits) == 0 {
		return false, ""
	}
	best := len(crisisKinds)
	for _, h := range hits {
		for i, k := range crisisKinds {
			if k == h.id && i < best {
				best = i
			}
		}
	}
	return true, crisisKinds[best]
}
