package understand

import (
	"sort"
	"strings"
)

// interestTerms are the words and phrases that show an interest, in Danish
// and English, including slang, compounds and common misspellings. Stems
// end in "*" so inflections and compounds match ("hund*" covers "hunde",
// "hundeluftning"); longer phrases win over the words inside them, so
// "mental sundhed" is mental health and not general health.
var interestTerms = []termGroup{
	{"children_youth", []string{
		"børn*", "*børn", "barn", "barnet", "*barn", "bornene", "borne",
		"unge", "unges", "ungerne", "ungdom*", "ungdomsklub*", "*ungdom",
		"ung pige|dreng", "unge piger|drenge|mennesker", "teenager*", "teens", "tweens",
		"kid", "kids", "kiddos", "children", "child", "childrens", "childcare",
		"young people|kids|ones|children", "youth*", "youngsters", "toddlers",
		"fritidsklub*", "fritidshjem*", "klub for unge", "sfo", "fritter",
		"børnehave*", "vuggestue*", "dagpleje*", "babysit*", "baby", "babyer", "babies",
		"småbørn*", "skolebørn", "mentor*", "lektiebørn", "spejderbørn",
		"børnetelefon*", "børnefamilie*", "red barnet", "save the children",
		"knægte", "drengene", "pigerne", "lege med",
	}},
	{"homework_help", []string{
		"lektie*", "*lektie*", "homework*", "tutor*", "matematik*", "matte", "mathematics",
		"math", "maths", "fysik", "kemi", "skolearbejde", "opgaveskrivning", "afleveringer",
		"læsehjælp", "læse med", "læsning", "lære at læse", "læseven*", "stavning",
		"studiehjælp", "studiecafé*", "skolefag", "eksamenslæsning", "undervis*",
		"lektiecafé*", "lektier", "hjælpe elever", "elever", "study help", "teach kids",
		"teaching", "tutoring",
	}},
	{"elderly", []string{
		"ældre", "ældres", "ældresag*", "ældrecenter*", "ældrebolig*", "ældreomsorg*",
		"plejehjem*", "plejecenter*", "plejebolig*", "alderdomshjem*", "pensionist*",
		"gamle mennesker|folk|damer|dame|mænd|mand|personer", "de gamle", "gamlinger",
		"ældre mennesker|borgere|damer", "bedsteforældre*", "bedstemor*", "bedstefar*",
		"farmor", "mormor", "morfar", "farfar", "oldefar", "oldemor",
		"senior*", "elderly", "elders", "older people|adults|persons|folks",
		"old people|folks|ladies|man|men|woman|women", "nursing home*", "care home*",
		"retirement", "retired", "grandparents", "grandma", "grandpa", "plejehjemmet",
		"demens*", "dementia", "alzheimer*",
	}},
	{"loneliness", []string{
		"ensom*", "lonel*", "alone people", "fællesskab*", "*fællesskab", "community",
		"besøgsven*", "besøgstjeneste*", "besøgshund*", "telefonven*", "brevven*",
		"venskab*", "friendship*", "befriend*", "isoler*", "isolation", "isolated",
		"social kontakt", "sociale aktiviteter", "nogen at snakke med", "snakke med folk|nogen|mennesker",
		"tale med folk|nogen", "gåven*", "gå ture med", "walk and talk", "netværk for",
		"ny i byen", "samvær", "hygge med", "hyggelig stund", "cafe for", "nye venner",
		"være en ven", "være ven for", "ven for", "be a friend", "make friends",
		"someone to talk to", "talk to people",
	}},
	{"mental_health", []string{
		"mental*", "mentalt", "mental sundhed|health|helbred", "psykisk*", "psykiatri*",
		"psykolog*", "psyke", "psykiske", "trivsel*", "mistrivsel", "depression*",
		"depressiv*", "depressed", "angst", "anxiety", "stress", "stressede", "spiseforstyr*",
		"eating disorder*", "selvmordsforebyg*", "livslinien", "livslinjen", "headspace",
		"bedre psykiatri", "sind", "ventilen", "rådgiv*", "chatrådgiv*", "lytte*", "lytter",
		"samtalegruppe*", "sorg", "sorggruppe*", "sorgbearbejdning", "well being", "wellbeing",
		"mental wellbeing", "trives", "psykisk sårbare", "sårbare unge", "counsel*",
		"support line", "helpline", "hotline", "peer support", "selvværd", "self esteem",
		"har det svært", "har haft det svært",
	}},
	{"disability", []string{
		"handicap*", "*handicap*", "handikap*", "handycap*", "*handikap*", "disab*",
		"kørestol*", "wheelchair*", "blind*", "svagsynede", "døv*", "deaf",
		"hørehæmmede", "autis*", "adhd", "add", "downs*", "down syndrom*",
		"udviklingshæm*", "funktionsneds*", "funktionsnedsat*", "special needs",
		"specialbørn", "specialklasse*", "specialskole*", "særlige behov", "hjerneskade*",
		"spastik*", "cerebral parese", "psykisk udviklingshæmmede", "bostøtte", "bosted*",
		"ledsager*", "handicappede", "impaired", "impairment*", "neurodivers*",
	}},
	{"refugees", []string{
		"flygtning*", "*flygtning*", "flygtig", "refugee*", "asyl*", "asylum", "integration*",
		"integrere*", "indvandre*", "immigrant*", "migrant*", "migration", "nydansk*",
		"nye danskere", "new danes", "danskundervisning", "lære dansk", "lære at tale dansk",
		"lær dansk", "learn danish", "teach danish", "danish lessons", "sprogcafé*",
		"sprogcafe*", "sprogven*", "sprogtræning", "sprogpraktik", "sprog café",
		"ukrain*", "syrer*", "afghan*", "newcomer*", "tilflytter*", "udlændinge*",
		"etniske minoriteter", "minoritetsetniske", "nyankomne", "mentor for nydanskere",
		"venligboerne", "venligbo*",
	}},
	{"homeless_poverty", []string{
		"hjemløs*", "*hjemløs*", "homeless*", "socialt udsat*", "udsatte", "udsat ungdom",
		"udsatte børn|unge|familier|borgere|mennesker", "socialt udsatte", "fattig*",
		"*fattigdom", "poverty", "the poor", "poor people|families|kids|children",
		"misbruger*", "misbrugere", "stofmisbrug*", "alkoholmisbrug*", "*misbrugere",
		"addict*", "addiction", "gadefolk", "folk på gaden", "på gaden", "on the street*",
		"herberg*", "varmestue*", "værested*", "shelter*", "suppekøkken*", "soup kitchen*",
		"kirkens korshær", "korshær*", "frelsens hær", "salvation army", "mad til hjemløse",
		"julehjælp*", "julekurv*", "udsathed", "social ulighed", "ulighed", "inequality",
		"sårbare familier", "gadeplan", "kirkens korshærs", "sociale projekter",
		"socialt arbejde", "social work", "socialt", "sociale problemer", "marginaliser*",
		"tiggere", "hjemløshed", "fattige", "foodbank", "food bank*", "wefood",
	}},
	{"food", []string{
		"mad", "maden", "madspild*", "*madspild*", "*spild", "madlav*", "madpakke*",
		"madhjælp*", "madbank*", "madklub*", "madpakker", "madkassen", "madudd*",
		"fødevare*", "*fødevare*", "lave mad", "lav mad", "laver mad", "kok", "kokke",
		"køkken*", "*køkken", "bage", "bager", "bagning", "kage*", "grøntsag*",
		"fællesspisning*", "spisning", "måltid*", "cook*", "cooking", "baking", "bake",
		"food*", "meal*", "kitchen*", "too good to go", "toogoodtogo", "wefood",
		"stop spild af mad", "madoverskud", "madhjælp", "uddele mad", "dele mad ud",
		"servere mad", "serve food", "suppe*", "frugt", "ernæring", "nutrition", "madvarer",
		"fødevarebank*", "food waste", "food rescue",
	}},
	{"nature", []string{
		"natur*", "nature", "miljø*", "*miljø", "environment*", "skov*", "forest*", "woods",
		"træer", "træerne", "plante*", "planting", "trees", "tree planting", "affald*",
		"skrald*", "affaldsindsamling", "litter*", "trash", "rubbish", "garbage",
		"strandrens*", "ren strand", "rene strande", "strande", "strand", "stranden", "kyst*",
		"beach clean*", "clean up", "cleanup", "rydde op", "samle skrald|affald",
		"plastik*", "plastic", "biodivers*", "vildmark*", "wildlife", "natursti*",
		"naturpleje", "naturfredning*", "danmarks naturfredningsforening", "dn",
		"køkkenhave*", "nyttehave*", "byhave*", "fælleshave*", "skolehave*", "havearbejde",
		"garden*", "gardening", "dyrke|dyrker|dyrkning", "dyrke grøntsager", "økolog*",
		"ecolog*", "ocean*", "havet", "havmiljø*", "søer", "vandløb", "natural environment",
		"outdoors nature", "grønne områder", "green spaces", "parker", "parken", "bier",
		"insekter", "blomster", "naturen", "ude i naturen", "udendørs natur",
	}},
	{"climate", []string{
		"klima*", "*klima*", "climat*", "co2", "co2e", "grøn omstilling",
		"global opvarmning", "global warming", "fridays for future", "greta",
		"bæredygtig*", "*bæredygtig*", "sustainab*", "vedvarende energi", "renewable*",
		"energi*", "energy", "grønne energi", "klimakrise*", "climate change", "klimaforandring*",
		"udledning*", "emissions", "grøn fremtid", "grøn livsstil", "grønt", "green",
		"genanvend*", "recycl*", "klimavenlig*", "carbon", "fossil*", "elbil*",
	}},
	{"animals", []string{
		"dyr*", "*dyr", "*dyrene", "dyrinternat*", "internat", "internatet", "internater",
		"hund*", "*hund", "*hunde", "hvalp*", "kat", "katte*", "katten", "*katte", "*kat",
		"killinger", "killingerne", "killingen", "hest*", "*hest", "*heste", "pony*",
		"ponyer", "ridning", "rideskole*", "rideklub*", "fugl*", "kanin*", "marsvin",
		"hamster*", "animal*", "dog", "dogs", "doggo*", "puppy", "puppies", "cat", "cats",
		"kitten*", "horse*", "pet", "pets", "zoo", "dyrepark*", "zoologisk*", "bondegård*",
		"bondegaard*", "farm", "farms", "dyrlæge*", "vet", "vets", "veterinar*",
		"dyreværn*", "dyrevelfærd*", "dyrenes beskyttelse", "dyrenes", "internatdyr",
		"hundeluft*", "luftning", "gå tur med hund*", "lufte hunde", "walk dogs",
		"dog walking", "animal shelter", "dyreinternat*", "dyrehjem*", "kattehjem*",
		"hundehjem*", "kæledyr*", "wildlife rescue", "birds", "bird", "rabbits",
		"vilde dyr", "husdyr", "køer", "grise", "geder", "får og", "kattene",
	}},
	{"sports", []string{
		"sport*", "*sport", "idræt*", "*idræt*", "fodbold*", "*fodbold", "football",
		"soccer", "håndbold*", "basket*", "volley*", "badminton", "tennis", "bordtennis",
		"padel", "golf", "hockey", "ishockey", "floorball", "rugby", "cricket", "baseball",
		"svøm*", "swim*", "løb", "løbe", "løber", "løbetur*", "løbeklub*", "løbehold",
		"running", "run", "jogging", "jogge", "gymnastik*", "gymnast*", "fitness", "yoga",
		"motion*", "exercise", "workout", "træne", "træner", "trænere", "træning*", "trænet",
		"traene", "coach*", "coaching", "træningen", "atletik", "athletics", "kampsport",
		"boksning", "boxing", "karate", "judo", "taekwondo", "parkour", "skate*",
		"skateboard*", "surf*", "roning", "ro klub", "rostævne", "klatring", "klatre",
		"climbing", "bouldering", "cykl*", "cykel", "cykelløb", "cycling", "mountainbike*",
		"dans", "danse*", "dance*", "dancing", "bevægelse*", "movement", "e sport",
		"esport*", "turnering*", "tournament*", "dgi", "dif", "stævne*", "idrætsforening*",
		"sportsklub*", "idrætsklub*", "boldspil*", "bold", "ridning", "ski", "skiløb",
		"sports", "sporty", "fodboldtræner*", "hold sport", "team sport*", "bevæge sig",
		"aktiv", "fysisk aktivitet", "physical activity", "spiller fodbold|håndbold|basket",
	}},
	{"outdoor_scouting", []string{
		"spejder*", "*spejder*", "fdf", "kfum*", "kfuk*", "dds", "scout*", "friluft*",
		"outdoor*", "udeliv", "ude liv", "bål*", "lejrbål*", "lejr", "lejren", "lejre", "*lejr",
		"*lejren", "sommerlejr*", "lejrskole*", "camp", "camps", "camping", "campere",
		"vandre*", "vandring", "hike", "hikes", "hiking", "trekking", "telt*", "overnatning i",
		"shelter tur", "sheltertur*", "overlevelse*", "survival", "bushcraft", "kano*",
		"kajak*", "canoe*", "kayak*", "sejl*", "sailing", "fiske*", "fishing", "knob",
		"patrulje*", "spejdertrop*", "trop", "mikroer", "juniorspejder*", "ud i det fri",
		"i det fri", "i skoven", "naturvejleder*", "orientering*", "orienteringsløb",
		"adventure", "eventyrlig", "eventyrlejr*", "the outdoors", "outside",
		"udendørs", "ude i naturen", "ude", "ud i naturen",
	}},
	{"culture_arts", []string{
		"musik*", "*musik", "music*", "musician*", "musical*", "teater*", "*teater",
		"theater*", "theatre*", "drama", "skuespil*", "acting", "kunst*", "*kunst",
		"art", "arts", "artist*", "artwork", "male", "maler", "maling", "maleri*",
		"painting", "paint", "tegne*", "tegning*", "tegner", "drawing", "draw", "sketch*",
		"kreativ*", "creativ*", "kultur*", "*kultur", "culture", "cultural", "museum*",
		"museer", "museums", "bibliotek*", "library", "libraries", "film*", "movie*",
		"foto*", "photo*", "fotograf*", "video*", "sang", "synge", "singing", "sing",
		"kor", "korsang", "choir", "band", "bands", "koncert*", "concert*", "guitar*",
		"klaver*", "piano", "trommer", "drums", "instrument*", "poesi", "poetry", "digte",
		"forfatter*", "litteratur*", "literature", "bøger", "books", "reading", "læse bøger",
		"håndarbejde", "håndværk", "strikke*", "hækle*", "crafts", "crafting", "design*",
		"keramik", "ceramics", "skulptur*", "graffiti", "street art", "scene*", "stage",
		"rap", "hiphop", "dj", "lyd og lys", "kulturhus*", "spillested*", "spillestederne",
		"operaen", "opera", "ballet", "lytte til musik", "spille musik", "spille guitar",
		"spiller guitar|klaver|trommer", "billedkunst", "kunstner*", "værksted*",
	}},
	{"events_festivals", []string{
		"festival*", "*festival*", "fest*", "event", "events", "eventen", "eventet",
		"koncert*", "arrangement*", "arrangere*", "arrangør*", "smukfest", "smuk",
		"roskilde festival", "roskildefestival*", "tinderbox", "northside", "distortion",
		"grøn koncert", "heartland", "jelling musikfestival", "copenhell", "skanderborg festival",
		"byfest*", "karneval*", "carnival*", "marked*", "julemarked*", "loppemarked", "messe",
		"konference*", "conference*", "løbsevent*", "motionsløb", "cykelløb",
		"begivenhed*", "afvikling", "publikum", "billetsalg", "billetter", "tickets",
		"backstage", "crew", "afvikle", "sjove events", "sommerfest", "open air",
		"parties", "party",
	}},
	{"health_firstaid", []string{
		"førstehjælp*", "*førstehjælp*", "first aid", "firstaid", "first aider",
		"hjertestarter*", "hjerte lunge*", "hjertelunge*", "hlr", "cpr", "genoplivning*",
		"livredning", "sundhed*", "*sundhed", "health", "healthcare", "health care",
		"sygehus*", "hospital*", "*hospital", "læge*", "lægevidenskab", "medicin*",
		"medical", "sygeplej*", "nurse", "nursing", "samarit*", "ambulance*", "paramedic*",
		"bloddonor*", "blood donor*", "donere blod", "give blood", "sygdom*", "syge",
		"patient*", "patienter", "sundhedsfaglig*", "sosu*", "sundhedsvæsen*", "sundt",
		"kost", "røde kors samarit*", "hjerteforening*", "hjerteløber*", "redde liv",
		"save lives", "saving lives", "helbred", "wellness",
	}},
	{"emergency", []string{
		"beredskab*", "*beredskab*", "katastrof*", "*katastrof*", "brandmand*", "brandmænd",
		"brandvæsen*", "brandslukning", "brandvagt*", "brandbekæmp*", "firefight*",
		"fire fighter*", "fire brigade", "emergency*", "emergencies", "disaster*",
		"redning*", "rescue*", "rescuer", "redningstjeneste*", "kystredning*", "livredder*",
		"lifeguard*", "hjemmeværn*", "home guard", "krisehjælp*", "kriseberedskab*",
		"nødhjælp*", "*nødhjælp*", "oversvømmelse*", "flood*", "storm", "stormflod*",
		"evakuering*", "evacuation", "preparedness", "civil protection", "nødberedskab*",
		"beredskabsstyrelse*", "krise", "kriser", "crisis response", "search and rescue",
		"brand", "brande", "fire", "forsvaret", "military", "militær*",
	}},
	{"digital_tech", []string{
		"it hjælp*|support|kursus|kurser|undervisning|café|cafe|kyndig*|teknologi|ting|folk",
		"med it", "om it", "i it", "it og", "og it", "programmer*", "programming", "program",
		"kode", "koder", "kodning", "kodet", "coding", "code", "coder", "computer*",
		"teknologi*", "teknolog*", "technolog*", "tech", "techie", "teknik", "digital*",
		"digitale", "hjemmeside*", "website*", "webdesign*", "web", "app", "apps",
		"robot*", "robotics", "gaming", "gamer*", "computerspil*", "videospil*",
		"spiludvikling", "game development", "gamedev", "minecraft", "elektronik*",
		"electronics", "3d print*", "kunstig intelligens", "artificial intelligence", "ai",
		"machine learning", "datalog*", "dataanalyse", "data science", "software",
		"hardware", "mobil", "mobilen", "mobiltelefon*", "smartphone*", "telefoner",
		"ipad*", "tablet*", "sociale medier", "social media", "nettet", "internettet",
		"internet", "cyber*", "python", "javascript", "java", "html", "linux", "pc",
		"pcer", "edb", "it", "e sport", "esport*", "streaming", "podcast*", "mitid",
		"nemid", "skærm*", "tech support", "it support", "digitalt", "online sikkerhed",
		"hacking", "hacke*", "ingeniør*", "engineering", "lego robot*", "coding pirates",
		"mikrobit", "micro bit", "arduino", "raspberry",
	}},
	{"democracy_rights", []string{
		"demokrati*", "*demokrati*", "democra*", "menneskeret*", "*menneskeret*",
		"human right*", "rettighed*", "*rettighed*", "rights", "ligestilling*", "equality",
		"ligeværd*", "lgbt*", "lgbtq*", "lgbtqia*", "queer", "pride", "transpersoner",
		"homoseksuel*", "politik*", "politic*", "politisk*", "ungdomsråd*", "elevråd*",
		"børneråd", "debat*", "debate*", "aktivis*", "activis*", "racisme", "racism",
		"antiracism*", "diskrimination*", "discrimination", "feminis*", "ytringsfrihed*",
		"freedom of speech", "free speech", "amnesty*", "retfærdighed*", "justice",
		"borgerret*", "civil rights", "stemme*", "vote", "voting", "valgdeltagelse",
		"folkemøde*", "folketing*", "parlament*", "parliament", "medborgerskab",
		"citizenship", "demonstration*", "demonstrere", "protest*", "organisere",
		"ungdomspolitik*", "ungdomsparti*", "dansk ungdoms fællesråd", "duf", "fn",
		"un", "united nations", "rights of", "børns rettigheder", "childrens rights",
		"kvinders rettigheder", "womens rights", "kvinderettigheder", "frihed",
		"freedom", "menneskerettighed*", "samfund*", "samfundet", "society",
	}},
	{"international", []string{
		"international*", "internationalt", "udviklingsland*", "*udviklingsland*", "udland*",
		"abroad", "overseas", "globalt", "global", "globale", "globalisering",
		"developing countr*", "developing world", "u land*", "uland*", "ulandsarbejde",
		"afrika", "africa", "asien", "asia", "latinamerika", "latin america",
		"mellemøsten", "middle east", "unicef", "mellemfolkelig*", "ms actionaid",
		"actionaid", "nødhjælp i", "udveksling*", "exchange", "andre lande", "andre kulturer",
		"other countries", "other cultures", "rejse ud", "rejse*", "travel*", "verden",
		"world", "hele verden", "around the world", "verdens", "europa", "europe",
		"europæisk*", "european", "eu", "erasmus", "esc", "european solidarity",
		"folkekirkens nødhjælp", "dansk flygtningehjælp", "læger uden grænser",
		"doctors without borders", "ngo", "ngoer", "ngos", "volunteer abroad",
		"frivillig i udlandet", "ulandsfrivillig*", "udviklingsarbejde", "udviklingsbistand",
		"bistand", "aid work", "humanitær*", "humanitarian", "sprog", "languages",
	}},
	{"charity_shop", []string{
		"genbrug*", "*genbrug*", "genbrugsbutik*", "genbrugsbiks", "second hand*",
		"secondhand", "2nd hand", "thrift*", "charity shop*", "charity store*",
		"loppe*", "*loppe*", "loppemarked*", "butik*", "*butik", "butikker", "shop", "shops",
		"shopping", "ekspedient*", "ekspedere", "stå i butik", "stå i kassen", "kassen",
		"retail", "tøj", "tøjet", "tøjbutik*", "sortere tøj", "sorting clothes",
		"clothes", "vintage", "røde kors butik*", "kirkens korshærs butik*", "red cross shop",
		"frelsens hærs genbrug", "kasse", "kassearbejde", "butiksarbejde", "sælge*",
		"salg", "selling", "sell", "vare*", "varer", "prismærk*", "kunder", "customers",
		"genbrugsbutikken", "genbrugsbutikker",
	}},
	{"fundraising", []string{
		"indsaml*", "*indsaml*", "samle ind", "samle penge", "samle ... penge ind",
		"samle penge ind", "samle ind til", "samler ind", "samlede ind", "collect money",
		"fundrais*", "fund raising", "raise money", "raising money", "raise funds",
		"donation*", "donere*", "donate*", "velgørenhed*", "*velgørenhed*", "charity",
		"charities", "sponsor*", "sponsorløb", "lotteri*", "lodseddel*", "lodsedler",
		"crowdfund*", "landsindsamling*", "indsamlingsbøsse*", "bøssebærer*", "bøsse",
		"penge ind", "penge til", "kræftens bekæmpelse", "knæk cancer", "børnehjælpsdag*",
		"telethon", "støttekoncert*", "velgørenhedsløb", "charity run", "sponsored walk",
		"give penge", "giving money", "fundraiser", "innsamling",
	}},
	{blocked, []string{
		"i løbet af", "løbet af", "i morgen", "imorgen", "was|were|am|being born",
		"born in|on|and", "give|giver|gi op", "kan ikke", "i den",
		"efter skole", "after school", "ude i byen", "gå ud", "går ud", "gik ud",
		"ud af", "ud til", "ud fra", "ude af", "ude fra", "kom ud", "ude på",
		"i weekenden", "weekend", "fest og farver", "for fest", "til fest", "festlig*",
		"på fest", "til en fest", "til fester", "med fester", "fester",
		"stille og roligt", "den store verden", "i hele verden", "verden er",
		"ser frem", "stemmer", "stemmer ikke", "det stemmer", "stemme overens",
		"i am", "art of", "state of the art", "kan jeg", "er jeg",
		"hold op", "give op", "run out", "run by", "in the world", "the world",
		"jeg selv", "mig selv", "selv har", "har haft det svært", "har det svært",
		"mad at", "so mad", "mad about", "get mad", "im mad", "i am mad", "really mad",
		"what do you", "do you", "vet ikke", "not sure", "ikke sikker", "sikker",
		"first time", "all the time", "time", "tid", "lige nu",
		"online", "aktiv på", "aktiv i", "har mobil", "min mobil", "på mobilen",
		"skriv til", "over mobilen", "på nettet", "nettet", "mit sprog", "sprog og",
		"brug for hjælp", "har brug", "sælge mig", "ikke sikkert",
	}},
}

// interestExceptions are words that look like a stem but mean something
// else ("dyrt" is expensive, "naturligvis" is "of course").
var interestExceptions = []string{
	"dyrt", "dyre", "dyrere", "dyreste", "dyrebar", "dyrebare", "dyrebart",
	"dyrke", "dyrker", "dyrket", "dyrkede", "dyrkning", "dyrkes",
	"hundrede", "hundreder", "hundredvis", "hundred", "hundreds", "hundredtusinder",
	"hundested", "hundredeårig",
	"naturligvis", "naturlig", "naturligt", "naturlige", "naturally", "natural",
	"kunstig", "kunstigt", "kunstige", "eventuelt", "eventuel", "eventuelle", "eventually",
	"eventyr", "eventyret", "eventyrene", "campus", "katalog", "kategori", "katolsk",
	"mentalitet", "mentality", "klimaks", "klimaanlæg", "skovl", "skovle", "skovlen",
	"trænger", "trænge", "trængt", "trængte", "trængende", "fester", "festlig", "festligt",
	"festen", "festene", "festival", "festen", "fest", "festerne", "festlige", "festes",
	"rejser", "rejste", "rejsen", "rejsekort", "rejsetid",
	"varer", "vare", "varede", "varet", "varig", "varigt", "varme", "varm",
	"telte", "teltet", "programmet", "programmer", "design", "scenen", "scenarie", "scenario",
	"lyttede", "artikel", "artiklen", "artists", "artig", "artigt", "sygdommen",
	"hestehale", "stemmer", "stemme", "stemte", "skatte", "kattegat",
	"fugleflugtslinje", "birdie", "catch", "category", "catering", "cater", "dogme",
	"kidding", "kidnap", "running", "sporadisk", "sporadic", "sportsvogn",
	"plantage", "planet", "planeten", "plan", "planer", "planen", "planlægge",
	"dansk", "danske", "danskere", "mentale", "energisk", "energiske",
	"kageform", "kagemand", "brandet", "branding", "brands",
	"rescued", "klasse", "selvfølgelig", "lægen", "læger", "lægger", "lægge", "lægges",
	"scener", "meals", "foodie", "koncentr", "koncentration", "koncentrere",
	"marked", "markedet", "markedsføring", "marketing", "market", "messen",
	"internatio", "debatten", "skoven", "skovene",
}

var interestLex = newLexicon(interestTerms, 7, interestExceptions...)

// findInterests returns the interest ids in taxonomy order and, for each,
// the user's own words that showed it.
func findInterests(d *doc) ([]string, map[string]string) {
	hits := interestLex.match(d)
	found := map[string][]string{}
	for _, h := range hits {
		if negated(d, h.start) {
			continue
		}
		if !plausibleInterestHit(d, h) {
			continue
		}
		found[h.id] = appendUnique(found[h.id], d.quote(h.start, h.end))
	}
	ids := make([]string, 0, len(found))
	words := make(map[string]string, len(found))
	for id, ws := range found {
		ids = append(ids, id)
		words[id] = strings.Join(ws, ", ")
	}
	sort.Slice(ids, func(i, j int) bool { return taxonomyIndex[ids[i]] < taxonomyIndex[ids[j]] })
	return ids, words
}

// plausibleInterestHit drops hits that need more context than a pattern
// can express. "it" is an English pronoun unless written "IT" or used in a
// Danish sentence; an English "mad" is anger, not food.
func plausibleInterestHit(d *doc, h hit) bool {
	if h.len() != 1 {
		return true
	}
	w := d.words[h.start]
	switch w.norm {
	case "it":
		return w.upper || langOf(d) == "da"
	case "mad", "vet", "art", "fire", "run", "draw", "paint", "sing", "web", "band",
		"program", "code", "exercise", "storm", "outside", "world", "sell", "shop",
		"pet", "farm", "cat", "dog", "aktiv", "kasse", "kassen", "ude", "sprog",
		"trop", "smuk", "crew", "fn", "un", "eu", "esc", "add", "dn", "sind", "kor",
		"rap", "scene", "stage", "green", "grønt", "mobil", "mobilen", "bold":
		return wordOK(d, h.start)
	}
	return true
}

// wordOK decides whether a short, ambiguous word counts. Such words count
// in short answers ("storm", "fire") and in lists of interests, and the
// English ones only in English messages.
func wordOK(d *doc, i int) bool {
	w := d.words[i].norm
	lang := langOf(d)
	switch w {
	case "mad":
		return lang != "en"
	case "vet", "art", "fire", "run", "draw", "paint", "sing", "web", "band", "program",
		"code", "exercise", "storm", "outside", "world", "sell", "shop", "pet", "farm",
		"cat", "dog", "crew", "un", "rap", "scene", "stage", "green":
		if w == "band" || w == "rap" || w == "scene" {
			return true
		}
		return lang != "da"
	case "fn", "eu", "esc", "dn":
		return d.words[i].upper || len(d.words) <= 3
	case "add":
		return d.words[i].upper
	case "sind":
		return d.words[i].raw == "SIND" || d.words[i].raw == "Sind" || len(d.words) <= 3
	case "ude", "aktiv", "kasse", "kassen", "sprog", "trop", "smuk", "mobil", "mobilen",
		"bold", "kor", "grønt":
		return len(d.words) <= 4
	}
	return true
}

// quote returns the words[start:end] as the user wrote them.
func (d *doc) quote(start, end int) string {
	return d.text[d.words[start].start:d.words[end-1].end]
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return list
		}
	}
	return append(list, s)
}
