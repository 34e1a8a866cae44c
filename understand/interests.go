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
		"børn*", "*børn", "barn", "barnet", "*barn", "bornene", "born",
		"unge", "unges", "ungerne", "ungdom*", "ungdomsklub*", "*ungdom",
		"ung pige|dreng", "unge piger|drenge|mennesker", "teenager*", "teens", "tweens",
		"kid", "kids", "kiddos", "children", "child", "childrens", "childcare",
		"young people|kids|ones|children", "youth*", "youngsters", "toddlers",
		"fritidsklub*", "fritidshjem*", "klub for unge", "sfo", "fritter", "unger", "poder",
		"børnehave*", "vuggestue*", "dagpleje*", "babysit*", "baby", "babyer", "babies",
		"småbørn*", "skolebørn", "mentor*", "spejderbørn",
		"børnetelefon*", "børnefamilie*", "red barnet", "save the children",
		"for|med|træne|træner|hjælpe|små|unge ... drenge|piger|drengene|pigerne",
	}},
	{"homework_help", []string{
		"lektie*", "*lektie*", "lekti*", "homework*", "tutor*", "matematik*", "matte", "mathematics",
		"math", "maths", "fysik", "kemi", "skolearbejde", "opgaveskrivning", "afleveringer",
		"læsehjælp", "læse med", "lære at læse", "læseven*", "stavning",
		"studiehjælp", "studiecafé*", "skolefag", "eksamenslæsning", "undervis*",
		"hjælpe elever", "skoleelev*", "study help", "teaching", "tutoring",
	}},
	{"elderly", []string{
		"ældre", "ældres", "ældresag*", "ældrecenter*", "ældrebolig*", "ældreomsorg*",
		"plejehjem*", "plejecenter*", "plejebolig*", "alderdomshjem*", "pensionist*",
		"gamle mennesker|folk|damer|dame|mænd|personer", "de gamle", "gamlinger",
		"med|for|hjælpe|besøge|passe gamle",
		"bedsteforældre*", "bedstemor*", "bedstefar*",
		"senior*", "elderly", "elders", "older people|adults|persons|folks",
		"old people|folks|ladies|men|women|ppl", "older ppl", "gamle folk|mennesker|ppl", "nursing home*", "care home*",
		"grandparents", "demens*", "dementia", "alzheimer*", "granny", "grannies",
	}},
	{"loneliness", []string{
		"ensom*", "lonel*", "fællesskab*", "*fællesskab", "community",
		"besøgsven*", "besøgstjeneste*", "besøgshund*", "telefonven*", "brevven*",
		"venskab*", "friendship*", "befriend*", "isoler*", "isolation", "isolated",
		"social kontakt", "nogen at snakke med", "snakke med folk|nogen|mennesker",
		"tale med folk|nogen", "gåven*", "walk and talk", "samvær", "nye venner",
		"være en ven", "være ven for", "ven for", "be a friend", "make friends",
		"someone to talk to", "talk to people", "lonely people", "møde nye mennesker|folk",
		"der|som|who er|are|feel alene|alone", "der|som føler sig alene|ensomme",
		"meet new people",
	}},
	{"mental_health", []string{
		"mental*", "mental sundhed|health|helbred", "psykisk sundhed|helbred|trivsel|mistrivsel", "psykisk*", "psykiatri*",
		"psykolog*", "psyke", "trivsel*", "mistrivsel", "depression*",
		"depressiv*", "depressed", "angst", "anxiety", "stress", "stressede", "spiseforstyr*",
		"eating disorder*", "selvmordsforebyg*", "livslinien", "livslinjen", "headspace",
		"bedre psykiatri", "sind", "ventilen", "rådgiv*", "chatrådgiv*", "lytte*",
		"samtalegruppe*", "sorg", "sorggruppe*", "sorgbearbejdning", "well being", "wellbeing",
		"(der|som|who) har (det|haft det) svært|hårdt|skidt", "people who (struggle|are struggling)",
		"psykisk sårbare", "psykisk syge", "psykisk sygdom*", "sårbare unge", "counsel*",
		"support line", "helpline", "hotline", "peer support", "selvværd", "self esteem",
	}},
	{"disability", []string{
		"handicap*", "*handicap*", "handikap*", "handycap*", "*handikap*", "disab*",
		"kørestol*", "wheelchair*", "blind*", "svagsynede", "døv*", "deaf",
		"hørehæmmede", "autis*", "adhd", "add", "downs*", "down syndrom*",
		"udviklingshæm*", "funktionsneds*", "funktionsnedsat*", "special needs",
		"specialbørn", "specialklasse*", "specialskole*", "særlige behov", "hjerneskade*",
		"spastik*", "cerebral parese", "bostøtte", "bosted*",
		"ledsager*", "impaired", "impairment*", "neurodivers*", "ordblind*", "dyslexi*",
		"dysleksi*", "læsevanskelig*",
	}},
	{"refugees", []string{
		"flygtning*", "*flygtning*", "refugee*", "asyl*", "asylum", "integration*",
		"integrere*", "indvandre*", "immigrant*", "migrant*", "migration", "nydansk*",
		"nye danskere", "new danes", "danskundervisning", "lære dansk", "lære at tale dansk",
		"lær dansk", "learn danish", "teach danish", "danish lessons", "sprogcafé*",
		"sprogven*", "sprogtræning", "sprogpraktik", "sprog café",
		"ukrain*", "afghan*", "newcomer*", "udlændinge*",
		"etniske minoriteter", "minoritetsetniske", "nyankomne", "nye i danmark|landet",
		"new in (denmark|the country)", "nye borgere",
		"venligboerne", "venligbo*",
	}},
	{"homeless_poverty", []string{
		"hjemløs*", "*hjemløs*", "homeless*", "socialt udsat*", "udsatte", "udsat ungdom",
		"fattig*", "*fattigdom", "poverty", "the poor", "poor people|families|kids|children",
		"misbruger*", "misbrugere", "stofmisbrug*", "alkoholmisbrug*", "*misbrugere",
		"addict*", "addiction", "gadefolk", "folk på gaden", "bor|lever|sover på gaden",
		"living|sleeping|people on the street|streets", "homeless shelter*",
		"herberg*", "varmestue*", "værested*", "suppekøkken*", "soup kitchen*",
		"kirkens korshær", "korshær*", "frelsens hær", "salvation army",
		"julehjælp*", "julekurv*", "udsathed", "social ulighed", "ulighed", "inequality",
		"sårbare familier", "gadeplan", "krisecenter*", "ikke har råd", "har ikke råd",
		"uden hjem|bolig", "uden et hjem", "without a home", "ingen bolig", "bostedsløs*",
		"(cant|cannot|can not) afford", "lavindkomst*", "low income", "trængende", "in need",
		"socialt arbejde", "social work", "marginaliser*",
		"tiggere", "hjemløshed", "fattige", "foodbank*", "food bank*", "wefood", "madbank*",
	}},
	{"food", []string{
		"mad", "maden", "madspild*", "*madspild*", "fødevarespild", "madlav*", "madpakke*",
		"madhjælp*", "madbank*", "madklub*", "madkassen", "madudd*",
		"fødevare*", "*fødevare*", "lave mad", "lav mad", "laver mad", "kok", "kokke",
		"køkken*", "*køkken", "bage", "bager", "bagning", "kage*", "grøntsag*",
		"fællesspisning*", "spisning", "måltid*", "cook*", "cooking", "baking", "bake",
		"food*", "meal*", "kitchen*", "too good to go", "toogoodtogo", "wefood",
		"madoverskud", "uddele mad", "dele mad ud", "catering", "redde mad", "save food",
		"servere mad", "serve food", "suppe*", "frugt", "ernæring", "nutrition", "madvarer",
		"fødevarebank*", "food waste", "food rescue", "food bank*", "foodbank*",
	}},
	{"nature", []string{
		"natur*", "nature", "miljø*", "*miljø", "environment*", "skov*", "forest*", "woods",
		"træer", "træerne", "plante*", "planting", "trees", "tree planting", "affald*",
		"skrald*", "litter*", "trash", "rubbish", "garbage",
		"strandrens*", "rene strande", "strande", "strand", "stranden", "kyst*",
		"beach clean*", "clean up", "cleanup", "rydde op", "samle skrald|affald",
		"plastik*", "plastic", "biodivers*", "vildmark*", "wildlife", "natursti*",
		"naturpleje", "naturfredning*", "dn",
		"køkkenhave*", "nyttehave*", "byhave*", "fælleshave*", "skolehave*", "havearbejde",
		"garden*", "gardening", "dyrkning", "dyrke|dyrker grøntsager|planter|urter|mad|jorden", "økolog*",
		"ecolog*", "ocean*", "havet", "havmiljø*", "søer", "vandløb",
		"grønne områder", "green spaces", "bier", "insekter", "blomster", "ude i naturen",
	}},
	{"climate", []string{
		"klima*", "*klima*", "climat*", "co 2", "grøn omstilling",
		"global opvarmning", "global warming", "fridays for future", "greta",
		"bæredygtig*", "*bæredygtig*", "sustainab*", "vedvarende energi", "renewable*",
		"grøn energi", "klimakrise*", "climate change", "klimaforandring*",
		"udledning*", "emissions", "grøn fremtid", "grøn livsstil",
		"genanvend*", "recycl*", "carbon", "fossil*", "elbil*",
	}},
	{"animals", []string{
		"dyr*", "*dyr", "*dyrene", "dyrehospital*", "dyreklinik*", "internat", "internatet", "internater",
		"hund*", "*hund", "*hunde", "hvalp*", "kat", "katte*", "katten", "*katte",
		"killinger", "killingerne", "killingen", "hest*", "*hest", "*heste", "pony*",
		"ridning", "rideskole*", "rideklub*", "fugl*", "kanin*", "marsvin",
		"hamster*", "animal*", "dog", "dogs", "doggo*", "puppy", "puppies", "cat", "cats",
		"kitten*", "horse*", "pet", "pets", "zoo", "zoologisk*", "bondegård*",
		"farm", "farms", "dyrlæge*", "vet", "vets", "veterinar*",
		"luftning", "gå tur med hund*", "lufte hunde", "walk dogs",
		"dog walking", "animal shelter*", "animal rescue", "dog rescue",
		"wildlife rescue", "birds", "bird", "rabbits", "køer", "grise", "geder", "vovse*",
		"missekat*", "kattekilling*", "hundehvalp*", "pups", "kitty", "kitties",
	}},
	{"sports", []string{
		"sport*", "*sport", "idræt*", "*idræt*", "fodbold*", "*fodbold", "football",
		"soccer", "footy", "crossfit", "håndbold*", "basket*", "volley*", "badminton", "tennis", "bordtennis",
		"padel", "golf", "hockey", "ishockey", "floorball", "rugby", "cricket", "baseball",
		"svøm*", "swim*", "løb", "løbe", "løber", "løbetur*", "løbeklub*", "løbehold",
		"running", "run", "jogging", "jogge", "gymnastik*", "gymnast", "gymnaster", "gymnastics", "fitness", "yoga",
		"motion*", "exercise", "workout", "træne", "træner", "trænere", "træning*",
		"coach*", "atletik", "athletics", "kampsport",
		"boksning", "boxing", "karate", "judo", "taekwondo", "parkour", "skate*",
		"surf*", "roning", "klatring", "klatre",
		"climbing", "bouldering", "cykling", "cykelløb*", "cykelklub*", "cycling",
		"mountainbike*", "dans", "danse*", "dance*", "dancing", "bevægelse*", "movement",
		"e sport", "esport*", "turnering*", "tournament*", "dgi", "dif", "stævne*",
		"idrætsforening*", "sportsklub*", "idrætsklub*", "boldspil*", "ski", "skiløb",
		"bevæge sig", "fysisk aktivitet", "physical activity",
		"dyrke|dyrker|dyrket ... sport|motion|fitness|idræt",
	}},
	{"outdoor_scouting", []string{
		"spejder*", "*spejder*", "fdf", "kfum*", "kfuk*", "dds", "scout*", "friluft*",
		"outdoor*", "udeliv", "bål*", "lejrbål*", "lejr", "lejren", "*lejr",
		"*lejren", "sommerlejr*", "lejrskole*", "camp", "camps", "camping", "campere",
		"vandre*", "vandring", "hike", "hikes", "hiking", "trekking", "telt*",
		"sheltertur*", "overnatte i shelter", "overlevelse*", "survival", "bushcraft", "kano*",
		"kajak*", "canoe*", "kayak*", "sejl*", "sailing", "fiske*", "fishing", "knob",
		"patrulje*", "spejdertrop*", "trop", "mikroer", "ud i det fri",
		"i det fri", "naturvejleder*", "orienteringsløb",
		"adventure", "eventyrlig", "eventyrlejr*", "the outdoors",
		"udendørs", "ude i naturen", "ud i naturen",
	}},
	{"culture_arts", []string{
		"musik*", "*musik", "music*", "musician*", "musical*", "teater*", "*teater",
		"theater*", "theatre*", "drama", "skuespil*", "acting", "kunst*", "*kunst",
		"art", "arts", "artist*", "artwork", "male", "maler", "maling", "maleri*",
		"painting", "paint", "tegne*", "tegning*", "tegner", "drawing", "draw", "sketch*",
		"kreativ*", "creativ*", "kultur*", "*kultur", "culture", "cultural", "museum*",
		"museer", "museums", "bibliotek*", "library", "libraries", "film*", "movie*",
		"foto*", "photo*", "fotograf*", "video*", "sang", "synge", "singing", "sing",
		"kor", "korsang", "choir", "band", "bands", "guitar*",
		"klaver*", "piano", "trommer", "drums", "instrument*", "poesi", "poetry", "digte",
		"forfatter*", "litteratur*", "literature", "bøger", "books", "læse bøger",
		"håndarbejde", "håndværk", "strikke*", "hækle*", "crafts", "crafting", "design*",
		"keramik", "ceramics", "skulptur*", "graffiti", "street art", "scene*", "stage",
		"rap", "hiphop", "dj", "lyd og lys", "kulturhus*", "spillested*",
		"opera", "operaen", "ballet", "lytte til musik", "spille musik", "spille guitar",
		"spiller guitar|klaver|trommer", "billedkunst", "kunstner*", "værksted*",
	}},
	{"events_festivals", []string{
		"festival*", "*festival*", "*fest", "*festen", "event", "events", "eventen", "eventet",
		"koncert*", "arrangement*", "arrangere*", "arrangør*", "smukfest", "smuk",
		"roskilde festival", "roskildefestival*", "tinderbox", "northside", "distortion",
		"grøn koncert", "heartland", "copenhell",
		"byfest*", "karneval*", "carnival*", "julemarked*",
		"konference*", "conference*", "løbsevent*", "motionsløb", "cykelløb",
		"begivenhed*", "afvikling", "publikum", "billetsalg", "tickets",
		"backstage", "crew", "afvikle", "sommerfest*", "open air", "maraton*", "marathon*",
		"musikfestival*", "kulturfestival*", "filmfestival*", "sportsfestival*", "madfestival*",
		"halvmaraton*",
	}},
	{"health_firstaid", []string{
		"førstehjælp*", "*førstehjælp*", "first aid", "firstaid", "first aider",
		"hjertestarter*", "hjerte lunge*", "hjerte lunge redning", "hjertelunge*", "hlr", "cpr",
		"genoplivning*", "livredning", "sundhed*", "*sundhed", "health", "healthcare",
		"health care", "sygehus*", "hospital*", "børnehospital*", "læge*", "medicin*",
		"medical", "sygeplej*", "nurse", "nursing", "samarit*", "ambulance*", "paramedic*",
		"bloddonor*", "blood donor*", "donere blod", "give blood", "sygdom*", "syge",
		"patient*", "sundhedsfaglig*", "sosu*", "sundhedsvæsen*",
		"hjerteforening*", "hjerteløber*", "redde liv", "save lives", "saving lives", "helbred",
	}},
	{"emergency", []string{
		"beredskab*", "*beredskab*", "katastrof*", "*katastrof*", "brandmand*", "brandmænd",
		"brandvæsen*", "brandslukning", "brandvagt*", "brandbekæmp*", "firefight*",
		"fire fighter*", "fire brigade", "emergency*", "emergencies", "disaster*",
		"redning*", "rescue*", "rescuer", "redningstjeneste*", "kystredning*", "livredder*",
		"lifeguard*", "hjemmeværn*", "home guard", "krisehjælp*", "kriseberedskab*",
		"nødhjælp*", "*nødhjælp*", "oversvømmelse*", "flood*", "storm", "stormflod*",
		"evakuering*", "evacuation", "preparedness", "civil protection", "nødberedskab*",
		"crisis response", "search and rescue", "brand", "fire",
	}},
	{"digital_tech", []string{
		"it hjælp*|support|kursus|kurser|undervisning|café|kyndig*|teknologi|ting|folk",
		"med it", "om it", "i it", "it og", "og it", "programmer*", "programming", "program",
		"kode", "koder", "kodning", "kodet", "coding", "code", "coder", "computer*",
		"teknologi*", "teknolog*", "technolog*", "tech", "techie", "digital*",
		"hjemmeside*", "website*", "webdesign*", "web", "app", "apps",
		"robot*", "robotics", "gaming", "gamer*", "computerspil*", "videospil*",
		"spiludvikling", "game development", "gamedev", "minecraft", "elektronik*",
		"electronics", "3 d print*", "kunstig intelligens", "artificial intelligence", "ai",
		"machine learning", "datalog*", "dataanalyse", "data science", "software",
		"hardware", "mobil", "mobilen", "mobiltelefon*", "smartphone*", "telefoner",
		"ipad*", "tablet*", "sociale medier", "social media", "internettet",
		"internet", "cyber*", "python", "javascript", "html", "linux", "pc",
		"pcer", "edb", "it", "streaming", "podcast*", "mitid",
		"nemid", "tech support", "online sikkerhed",
		"hacking", "hacke*", "ingeniør*", "engineering", "coding pirates",
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
		"borgerret*", "civil rights", "stemmeret*", "at stemme", "vote", "voting",
		"valgdeltagelse", "folkemøde*", "folketing*", "parlament*", "parliament",
		"medborgerskab", "citizenship", "demonstration*", "demonstrere", "protest*",
		"ungdomspolitik*", "ungdomsparti*", "ungdomsråd*", "børnerettighed*", "dansk ungdoms fællesråd", "duf", "fn",
		"un", "united nations", "frihed", "freedom",
	}},
	{"international", []string{
		"international*", "internationalt", "udviklingsland*", "*udviklingsland*", "udland*",
		"abroad", "overseas", "globalt", "global", "globale", "globalisering",
		"developing countr*", "developing world", "u land*", "uland*", "ulandsarbejde",
		"afrika", "africa", "asien", "asia", "latinamerika", "latin america",
		"mellemøsten", "middle east", "unicef", "mellemfolkelig*",
		"actionaid", "udveksling*", "exchange", "andre lande", "andre kulturer",
		"other countries", "other cultures", "rejse ud", "europa", "europe",
		"europæisk*", "european", "eu", "erasmus", "esc", "european solidarity",
		"folkekirkens nødhjælp", "læger uden grænser",
		"doctors without borders", "ngo", "ngoer", "ngos", "volunteer abroad",
		"ulandsfrivillig*", "udviklingsarbejde", "udviklingsbistand",
		"bistand", "aid work", "humanitær*", "humanitarian",
	}},
	{"charity_shop", []string{
		"genbrug*", "*genbrug*", "second hand*", "secondhand", "2 nd hand", "thrift*",
		"charity shop*", "charity store*", "loppe*", "*loppe*", "butik*", "*butik",
		"shop", "shops", "ekspedient*", "ekspedere", "stå i kassen", "kassen", "kasse",
		"retail", "tøj", "tøjet", "tøjbutik*", "sortere tøj", "sorting clothes",
		"clothes", "vintage", "red cross shop", "kassearbejde", "butiksarbejde",
		"prismærk*", "kunder", "customers",
	}},
	{"fundraising", []string{
		"indsaml*", "*indsaml*", "samle ind", "samle penge", "samle ... penge ind",
		"samler ind", "samlede ind", "collect money", "collecting money",
		"fundrais*", "fund raising", "raise money", "raising money", "raise funds",
		"donation*", "donere*", "donate*", "velgørenhed*", "*velgørenhed*", "charity",
		"charities", "sponsor*", "lotteri*", "lodseddel*", "lodsedler",
		"crowdfund*", "landsindsamling*", "bøssebærer*", "penge ind",
		"knæk cancer", "børnehjælpsdag*", "telethon", "støttekoncert*",
		"velgørenhedsløb", "charity run", "sponsored walk", "give penge", "innsamling",
	}},
	{blocked, []string{
		"i løbet af", "løbet af", "was|were|am|being born", "born in|on|and",
		"give|giver|gi op", "give up", "ude i byen", "art of", "state of the art",
		"run out", "run by", "mad at", "so mad", "mad about", "get mad", "im mad",
		"i am mad", "really mad", "vet ikke", "har mobil", "min mobil", "over mobilen",
		"på nettet", "er en katastrofe", "var en katastrofe", "total katastrofe",
		"helt katastrofe", "fuld af energi", "give me", "der give", "det give",
		"arbejder|arbejdede|job|jobber|arbejde i en|et|min butik|shop|supermarked",
		"gamle venner|dage|tider|ting|job|skole|klasse|tøj|telefon|computer|hus",
		"vi er (nogle |)unge", "jeg er (en |)ung", "som ung", "unge som mig", "unge frivillige",
		"ældre end", "older than", "min|mit|mine|din|hans|hendes ældre", "lidt ældre",
		"ældre søskende|bror|søster|elever|klasser", "exchange student*", "udvekslingsstudent*",
		// one's own homework is not helping others with theirs
		"mine|min lektier|lektie|opgave|opgaver", "my homework", "lave lektier", "laver lektier",
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
	"eventyr", "eventyret", "eventyrene", "campus", "mentalitet", "mentality",
	"klimaks", "klimaanlæg", "skovl", "skovle", "skovlen",
	"trænger", "trænge", "trængt", "trængte", "trængende",
	"fest", "fester", "festen", "festerne", "festlig", "festligt", "festlige",
	"skatte", "skat", "transport", "transporten", "hestehale",
	"katastrofal", "katastrofalt", "katastrofale", "scenarie", "scenarier", "scenario",
	"lyttede", "artikel", "artiklen", "artig", "artigt", "plantage", "butikstyv",
	"dyrlægeregning", "motionerer", "teltlejr", "kunstgræs", "vandrehjem",
	"skatteborger", "kagemand", "kaging", "skraldespand", "skraldespanden", "skraldespande",
	"skraldebil", "skraldemand", "hundesyg", "hundekoldt", "tegnsprog",
	"tegnede", "tegnet", "tegnefilm", "musikkens", "filmens", "koderne", "kodeord",
	"artsy", "fotosyntese", "fugleflugt", "delebørn", "børneattest", "børneattesten",
}

var interestLex = newLexicon(interestTerms, 7, interestExceptions...)

// findInterests returns the interest ids in taxonomy order and, for each,
// the user's own words that showed it, and the ids the message rules out
// ("ikke sport", "jeg hader fodbold", "hellere dyr end børn", "ikke noget
// med blod"), also in taxonomy order. An id both wished and ruled out
// ("sport, men ikke fodbold") is only wished.
func findInterests(d *doc) (ids []string, words map[string]string, not []string) {
	hits := compoundHeads(d, interestLex.match(d))
	found := map[string][]string{}
	ruled := map[string]bool{}
	verdicts := notForMeLex.find(d)
	for _, h := range hits {
		if !plausibleInterestHit(d, h) {
			continue
		}
		if negated(d, h.start) || disliked(d, h) || ruledOut(d, h, verdicts) {
			if !experienceNegated(d, h.start) {
				ruled[h.id] = true
			}
			continue
		}
		found[h.id] = appendUnique(found[h.id], d.quote(h.start, h.end))
	}
	for _, id := range aversions(d, verdicts) {
		ruled[id] = true
	}
	ids = make([]string, 0, len(found))
	words = make(map[string]string, len(found))
	for id, ws := range found {
		ids = append(ids, id)
		words[id] = strings.Join(ws, ", ")
	}
	for id := range ruled {
		if _, ok := found[id]; !ok {
			not = append(not, id)
		}
	}
	byTaxonomy := func(list []string) {
		sort.Slice(list, func(i, j int) bool { return taxonomyIndex[list[i]] < taxonomyIndex[list[j]] })
	}
	byTaxonomy(ids)
	byTaxonomy(not)
	return ids, words, not
}

// compoundHeads settles one-word compounds that two stems claim: a stem
// that spells out nearly the whole word ("musikfestival*",
// "ungdomspolitik*") beats a stem that only starts it ("musik*",
// "ungdom*").
func compoundHeads(d *doc, hits []hit) []hit {
	covers := func(h hit) (full, modifier bool) {
		n, leading := interestLex.stemLen(d, h)
		full = n >= len(d.words[h.start].norm)-2
		return full, !full && leading
	}
	spelled := map[int]bool{}
	for _, h := range hits {
		if full, _ := covers(h); h.len() == 1 && full {
			spelled[h.start] = true
		}
	}
	out := hits[:0]
	for _, h := range hits {
		if _, modifier := covers(h); h.len() == 1 && spelled[h.start] && modifier {
			continue
		}
		out = append(out, h)
	}
	return out
}

// Hating a problem is caring about it ("jeg hader madspild"); hating an
// activity is not wanting it ("jeg hader sport").
var (
	dislikeWords = set("hader", "hate", "hates", "hated", "dislike", "afskyr", "træls", "kedeligt",
		"boring", "lame")
	problemStems = []string{"spild", "racis", "diskrim", "ensom", "fattig", "forandr", "forurening",
		"pollution", "plastik", "plastic", "affald", "skrald", "litter", "waste", "mobning", "bully",
		"uretfaerd", "injustice", "ulighed", "inequality", "hjemloes", "homeless", "sult", "hunger",
		"krig", "war", "vold", "violence", "opvarmning", "warming", "lonel", "poverty", "udledning",
		"emission", "co", "klimakrise", "crisis", "katastrof", "disaster", "handicapdiskrim"}
)

var sufferingVerbs = set("bliver", "blir", "blev", "lider", "mangler", "sulter", "dør", "har", "er",
	"skal", "is", "are", "get", "gets", "being", "suffer", "suffering", "have", "has")

// disliked reports a hit that follows a word of dislike in the same clause,
// unless what is disliked is a problem worth working on.
func disliked(d *doc, h hit) bool {
	found := false
	for k := h.start - 1; k >= 0 && k >= h.start-3; k-- {
		if dislikeWords[d.words[k].norm] {
			found = true
			break
		}
		if d.words[k+1].brk || negationBreakers[d.words[k].norm] {
			break
		}
	}
	// "hader at dyr bliver behandlet dårligt": the hit is who suffers
	if !found || sufferingVerbs[d.norm(h.end)] {
		return false
	}
	for k := h.start; k < h.end; k++ {
		w := d.words[k].norm
		for _, p := range problemStems {
			if strings.HasPrefix(w, p) || len(p) >= 4 && strings.Contains(w, p) {
				return false
			}
		}
	}
	return true
}

// wordRule says when a short, ambiguous word counts as an interest.
type wordRule uint8

const (
	notEnglish       wordRule = iota + 1 // Danish word that is something else in English ("mad" is angry)
	englishOnly                          // English word that is something else in Danish ("fire" is four)
	capitalsOrShort                      // an acronym: "FN", "EU", or a one- to three-word answer
	capitalsOnly                         // "ADD" but never "add"
	shortAnswer                          // too vague inside a sentence ("kor", "trop")
	capitalsOrDanish                     // "IT", or "it" in a Danish sentence
)

// ambiguousInterestWords need more context than a pattern can express.
var ambiguousInterestWords = map[string]wordRule{
	"mad": notEnglish, "male": notEnglish, "brand": notEnglish, "born": notEnglish,
	"vet": englishOnly, "art": englishOnly, "fire": englishOnly, "run": englishOnly,
	"draw": englishOnly, "paint": englishOnly, "sing": englishOnly, "web": englishOnly,
	"program": englishOnly, "code": englishOnly, "exercise": englishOnly, "shop": englishOnly,
	"pet": englishOnly, "farm": englishOnly, "cat": englishOnly, "dog": englishOnly,
	"un": englishOnly, "stage": englishOnly,
	"fn": capitalsOrShort, "eu": capitalsOrShort, "esc": capitalsOrShort, "dn": capitalsOrShort,
	"sind": capitalsOrShort, "add": capitalsOnly,
	"kasse": shortAnswer, "kassen": shortAnswer, "trop": shortAnswer, "smuk": shortAnswer, "kor": shortAnswer,
	"it": capitalsOrDanish,
}

// plausibleInterestHit applies ambiguousInterestWords to one-word hits.
func plausibleInterestHit(d *doc, h hit) bool {
	if h.len() != 1 {
		return true
	}
	w := d.words[h.start]
	rule, ok := ambiguousInterestWords[w.norm]
	if !ok {
		return true
	}
	short := len(d.words) <= 3
	switch rule {
	case notEnglish:
		return langOf(d) != "en"
	case englishOnly:
		return langOf(d) != "da"
	case capitalsOrShort:
		return startsUpper(w.raw) || short
	case capitalsOnly:
		return w.upper
	case shortAnswer:
		return len(d.words) <= 4
	case capitalsOrDanish:
		return w.upper || langOf(d) == "da"
	}
	return true
}

// quote returns the words[start:end] as the user wrote them, without the
// little words at the edges ("IT og" is quoted as "IT").
func (d *doc) quote(start, end int) string {
	for end-start > 1 && glueWords[d.words[start].norm] {
		start++
	}
	for end-start > 1 && glueWords[d.words[end-1].norm] {
		end--
	}
	return d.text[d.words[start].start:d.words[end-1].end]
}

var glueWords = set("og", "and", "med", "om", "i", "in", "for", "til", "at", "the", "a", "en", "et",
	"with", "of", "to")

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return list
		}
	}
	return append(list, s)
}
