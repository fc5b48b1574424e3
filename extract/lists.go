package extract

// The pipeline's own word lists: the closed classes of news English that
// decide what a capitalised span is and who is speaking. Open classes
// (places, given names, common words) live in byline/extract/lexicon.

const (
	verbSay  = 1 // "X said", "said X"
	verbTell = 2 // takes an object before the quote: "X told Y: ..."
)

// speechVerbs are the verbs that attribute words to a speaker, in the
// forms news copy uses them.
var speechVerbs = func() map[string]uint8 {
	m := map[string]uint8{}
	for _, w := range []string{
		"said", "says", "say", "saying", "added", "adds", "asked", "asks", "explained", "explains",
		"insisted", "insists", "argued", "argues", "claimed", "claims", "warned", "warns", "noted",
		"notes", "announced", "announces", "declared", "declares", "admitted", "admits", "replied",
		"replies", "responded", "responds", "wrote", "writes", "tweeted", "tweets", "acknowledged",
		"acknowledges", "suggested", "suggests", "urged", "urges", "denied", "denies", "stressed",
		"stresses", "continued", "continues", "commented", "comments", "remarked", "recalled",
		"recalls", "conceded", "concedes", "revealed", "reveals", "confirmed", "confirms",
		"predicted", "predicts", "promised", "promises", "complained", "complains", "joked", "jokes",
		"laughed", "agreed", "agrees", "added:", "observed", "observes", "cautioned", "cautions",
		"maintained", "maintains", "countered", "counters", "pleaded", "vowed", "vows", "boasted",
		"shouted", "whispered", "sighed", "answered", "answers", "concluded", "concludes",
		"emphasised", "emphasized", "reiterated", "reiterates", "posted", "stated", "states",
		"mused", "quipped", "blogged", "wondered", "demanded", "demands", "protested", "hoped",
		"believes", "believed", "thinks", "thought", "feels", "felt", "describes", "described",
		"calls", "called", "labelled", "labeled", "accused", "accuses", "praised", "praises",
		"criticised", "criticized", "condemned", "welcomed", "welcomes", "read", "reads",
		"underlined", "underlines", "highlighted", "retorted", "snapped", "proclaimed", "queried",
		"testified", "testifies", "opined", "reckoned", "reckons", "advised", "elaborated",
		"interjected", "lamented", "laments", "bemoaned", "disagreed", "disagrees", "objected",
		"contended", "contends", "asserted", "asserts", "alleges", "bragged", "confessed",
		"confided", "exclaimed", "screamed", "yelled", "muttered", "murmured", "texted", "emailed",
		"recounted", "recounts", "branded", "brands", "branding", "dubbed", "dubs", "dubbing",
		"echoed", "echoes",
	} {
		m[w] = verbSay
	}
	for _, w := range []string{"told", "tells", "tell", "telling", "informed", "assured", "reminded"} {
		m[w] = verbTell
	}
	return m
}()

// honorifics precede a name and give the person's gender; they are always
// dropped from the name.
var honorifics = map[string]byte{
	"mr": 'm', "mrs": 'f', "ms": 'f', "miss": 'f', "sir": 'm', "dame": 'f', "lord": 'm',
	"lady": 'f', "dr": 0, "prof": 0, "professor": 0, "baroness": 'f', "baron": 'm',
	"king": 'm', "queen": 'f', "prince": 'm', "princess": 'f', "rev": 0, "reverend": 0,
	"father": 'm', "sister": 'f', "brother": 'm', "sheikh": 'm', "ayatollah": 'm',
	"imam": 'm', "rabbi": 0, "pope": 'm', "cardinal": 'm', "bishop": 0, "archbishop": 0,
	"mrs.": 'f', "mr.": 'm', "ms.": 'f', "madame": 'f', "monsieur": 'm', "herr": 'm', "frau": 'f',
	"senor": 'm', "senora": 'f', "signor": 'm',
}

// roleWords are offices, ranks and jobs written before a name ("President
// Putin", "Defence Secretary Geoff Hoon", "analyst Alex Potter"). They are
// not part of the name but are evidence that a person follows, and they let
// "the president said" find who the president is.
var roleWords = setOf(
	"president", "vice-president", "premier", "chancellor", "minister", "secretary", "senator",
	"sen", "rep", "representative", "congressman", "congresswoman", "governor", "gov", "mayor",
	"ambassador", "envoy", "mp", "mep", "msp", "am", "councillor", "judge", "justice", "attorney",
	"general", "gen", "colonel", "col", "captain", "capt", "major", "maj", "lieutenant", "lt",
	"sergeant", "sgt", "corporal", "private", "admiral", "commander", "commissioner", "chief",
	"inspector", "superintendent", "detective", "officer", "constable", "chairman", "chairwoman",
	"chair", "director", "executive", "boss", "founder", "leader", "spokesman", "spokeswoman",
	"spokesperson", "analyst", "economist", "coach", "manager", "striker", "midfielder",
	"defender", "goalkeeper", "keeper", "winger", "player", "champion", "singer", "actor",
	"actress", "star", "director", "producer", "writer", "author", "novelist", "poet", "artist",
	"musician", "guitarist", "drummer", "bassist", "rapper", "comedian", "presenter", "host",
	"journalist", "reporter", "editor", "correspondent", "columnist", "photographer",
	"professor", "dr", "doctor", "lawyer", "barrister", "solicitor", "guardsman", "soldier",
	"rifleman", "marine", "pilot", "official", "diplomat", "negotiator", "adviser", "advisor",
	"aide", "deputy", "emperor", "dictator", "candidate", "nominee", "challenger", "rival",
	"opponent", "veteran", "campaigner", "activist", "blogger", "designer", "chef", "model",
	"dancer", "athlete", "runner", "sprinter", "swimmer", "cyclist", "golfer", "boxer",
	"jockey", "trainer", "skipper", "batsman", "bowler", "wife", "husband", "son", "daughter",
	"mother", "father", "brother", "sister", "girlfriend", "boyfriend", "partner", "fiancee",
	"fiance", "widow", "widower", "uncle", "aunt", "cousin", "grandson", "granddaughter",
	"colleague", "member", "supt", "insp", "det", "team-mate", "teammate", "pupil", "student", "teacher", "headteacher",
	"nurse", "surgeon", "scientist", "researcher", "expert", "prosecutor", "investor",
	"entrepreneur", "tycoon", "billionaire", "businessman", "businesswoman", "owner", "ceo",
	"cfo", "coo", "chairperson", "md", "vice", "prime", "foreign", "defence", "defense", "home",
	"health", "education", "culture", "sports", "trade", "finance", "interior", "justice",
	"shadow", "junior", "first", "armed", "forces", "deputy", "acting", "former", "ex", "late",
	"supreme", "conservative", "labour", "liberal", "democrat", "republican", "tory", "green",
	"independent", "snp", "scots", "world", "olympic", "grand", "chess", "head", "principal",
	"dean", "provost", "rector", "warden", "governor-general", "king", "queen", "prince",
	"princess", "sheikh", "emir", "sultan", "shah", "tsar", "pope", "cardinal", "bishop",
	"speaker", "administrator", "insider", "commentator", "strategist", "pollster",
)

// personRoles are the role words that name a person when they head a
// description ("the singer", "the 34-year-old", "the North Korean leader");
// roleWords also holds modifiers (Prime, Defence) that only lead up to one.
var personRoles = setOf(
	"president", "premier", "chancellor", "minister", "secretary", "senator", "governor", "mayor",
	"ambassador", "envoy", "mp", "judge", "chairman", "chairwoman", "director", "executive",
	"boss", "founder", "leader", "analyst", "economist", "coach", "manager", "striker", "player",
	"champion", "singer", "actor", "actress", "star", "producer", "writer", "author", "artist",
	"musician", "guitarist", "drummer", "rapper", "comedian", "presenter", "host", "journalist",
	"reporter", "editor", "lawyer", "soldier", "guardsman", "pilot", "diplomat", "negotiator",
	"adviser", "emperor", "dictator", "candidate", "veteran", "campaigner", "activist",
	"blogger", "athlete", "runner", "sprinter", "golfer", "boxer", "businessman", "owner",
	"chief", "captain", "footballer", "cricketer", "midfielder", "defender", "goalkeeper",
	"winger", "rider", "driver", "skipper", "frontman", "vocalist", "ceo", "man", "woman",
	"year-old", "spokesman", "spokeswoman", "spokesperson", "official", "prosecutor",
	"holder", "winner", "medallist", "finalist", "international", "veteran", "forward",
	"centre", "fly-half", "scrum-half", "prop", "hooker", "lock", "flanker", "wing", "full-back",
	"batsman", "bowler", "all-rounder", "keeper", "boss", "gaffer", "chief", "head",
)

// femaleRoles and maleRoles give a gender to a person described by them.
var femaleRoles = setOf("actress", "wife", "mother", "daughter", "sister", "girlfriend",
	"spokeswoman", "chairwoman", "businesswoman", "widow", "aunt", "granddaughter", "fiancee",
	"queen", "princess", "woman", "congresswoman", "heroine", "waitress", "landlady")
var maleRoles = setOf("husband", "father", "son", "brother", "boyfriend", "spokesman",
	"chairman", "businessman", "widower", "uncle", "grandson", "fiance", "king", "prince",
	"man", "congressman", "frontman", "sheikh", "emir", "sultan")

// personOnlyRoles are jobs and kinships only a person has: the one word
// after one is a person's name, a stage name ("frontman Bono", "rapper
// Eminem") even when a gazetteer knows it as a region or a town.
var personOnlyRoles = setOf("singer", "actor", "actress", "rapper", "frontman", "vocalist",
	"guitarist", "drummer", "bassist", "comedian", "comic", "musician", "songwriter", "presenter",
	"striker", "midfielder", "defender", "goalkeeper", "winger", "footballer", "cricketer",
	"batsman", "bowler", "golfer", "boxer", "sprinter", "spokesman", "spokeswoman",
	"businessman", "businesswoman", "wife", "husband", "son", "daughter", "brother", "sister",
	"mother", "father", "girlfriend", "boyfriend", "widow", "widower", "novelist", "poet",
	"dancer", "model", "supermodel", "superstar", "popstar", "diva", "crooner", "dj")

// spokesWords speak for an organisation: "a spokesman for Tesco said",
// "a Tesco spokeswoman told the BBC" → Tesco.
var spokesWords = setOf("spokesman", "spokeswoman", "spokesperson", "spokespeople",
	"representative", "statement", "source", "sources", "official", "officials", "aide",
	"aides", "insiders", "insider", "statement:", "release", "website", "members", "member")

// institutionNouns speak as bodies when no name is given: "the government
// said", "police said".
var institutionNouns = setOf("government", "ministry", "department", "police", "company",
	"firm", "bank", "club", "council", "court", "party", "union", "group", "band",
	"organisation", "organization", "agency", "commission", "committee", "board", "regulator",
	"authority", "authorities", "army", "military", "embassy", "campaign", "charity",
	"administration", "cabinet", "parliament", "team", "league", "association", "federation",
	"network", "broadcaster", "newspaper", "paper", "airline", "retailer", "carrier", "studio",
	"label", "school", "university", "hospital", "trust", "service", "watchdog", "spokesman",
	"spokeswoman", "spokesperson", "officials")

// orgWords inside a capitalised span make it an organisation, event,
// programme or product, never a person or a place: "UK Athletics",
// "London Marathon", "Barclays Capital".
var orgWords = setOf(
	"party", "council", "ministry", "agency", "university", "college", "school", "academy",
	"fc", "united", "city", "rovers", "wanderers", "athletic", "athletics", "group", "bank",
	"association", "committee", "commission", "service", "services", "radio", "news", "tv",
	"television", "channel", "corporation", "corp", "inc", "ltd", "plc", "llc", "co", "company",
	"capital", "brothers", "bros", "federation", "league", "union", "institute", "institution",
	"foundation", "department", "office", "board", "court", "club", "regiment", "regiments",
	"guards", "army", "navy", "police", "times", "post", "telegraph", "journal", "herald",
	"mail", "express", "mirror", "guardian", "independent", "observer", "tribune", "gazette",
	"chronicle", "magazine", "games", "olympics", "open", "championship", "championships",
	"cup", "marathon", "awards", "award", "festival", "programme", "program", "show",
	"network", "networks", "records", "studios", "pictures", "entertainment", "media",
	"holdings", "partners", "investors", "airlines", "airways", "motors", "technologies",
	"systems", "software", "labs", "interactive", "international", "industries", "energy", "oil", "petroleum",
	"telecom", "communications", "pharmaceuticals", "trust", "fund", "society", "alliance",
	"coalition", "movement", "front", "council", "assembly", "congress", "senate",
	"parliament", "government", "administration", "authority", "organisation",
	"organization", "exchange", "reserve", "treasury", "force", "forces", "squad", "team",
	"orchestra", "band", "choir", "theatre", "museum", "gallery", "library", "hospital",
	"prize", "grand", "prix", "series", "tour", "trophy", "bowl", "league", "premiership",
	"division", "conference", "summit", "forum", "day", "week", "treaty",
	"accord", "agreement", "plan", "report", "index", "initiative", "project", "campaign",
	"fc", "rfc", "cc", "ac", "sc", "bbc", "cnn", "nhs", "census", "survey", "census",
	"centre", "center", "unit", "watch", "borders", "labour", "conservatives", "democrats",
	"republicans", "tories", "greens", "affairs", "relations", "resources", "security",
	"health", "education", "defence", "defense", "justice", "welfare", "standards",
	"statistics", "weekly", "daily", "sunday", "press", "wire", "online", "com", "dot",
	"blog", "blogs", "records", "music", "film", "films", "productions", "ventures",
	"limited", "advisors", "advisers", "rally", "ballet", "indoors", "boerse", "bourse",
	"laboratory", "laboratories", "cooperative", "co-operative", "aid", "lords", "utd",
	"war", "wars", "revolution", "crisis", "works", "dem", "dems", "lib", "republic", "kingdom", "empire", "emirates", "caliphate", "junta", "regime",
	"securities", "associates", "consultants", "consulting", "consultancy", "solutions", "logistics",
	"brands", "foods", "stores", "supermarkets", "pharma", "therapeutics", "biotech", "robotics",
	"automotive", "aerospace", "insurance", "assurance", "finance", "financial", "bancorp",
	"investments", "properties", "estates", "developments", "construction", "engineering",
	"mining", "resources", "chemicals", "telecoms", "wireless", "semiconductor",
	"semiconductors", "electronics", "microsystems", "dynamics", "enterprises", "trading", "llp",
	"gmbh", "ag", "nv", "bv", "pty", "villa", "harriers", "hotspur", "albion", "argyle", "orient",
	"academicals",
)

// outlets are news organisations and wire services: they can speak ("the
// BBC said") but are neither people nor places.
var outlets = setOf("BBC", "CNN", "ITV", "CBS", "NBC", "ABC", "Fox", "Reuters", "AP", "AFP",
	"KCNA", "Yonhap", "Xinhua", "ZDF", "ARD", "Sky", "Bloomberg", "Al-Jazeera", "Al Jazeera",
	"NPR", "PBS", "MSNBC", "RTE", "CBC", "Channel", "Interfax", "Tass", "TASS", "Itar-Tass",
	"Kyodo", "Nikkei", "Ofcom", "UPI", "DPA", "EFE", "ANSA", "IRNA", "Politico", "Axios",
	"Guardian", "Telegraph", "Times", "Independent", "Observer", "Mirror", "Sun", "Mail",
	"Express", "Economist", "Newsweek", "Time", "Forbes", "Fortune", "Variety", "Billboard")

// landmarkSuffixes end the names of buildings, districts and geographic
// features, which are places even when the gazetteer lacks them.
var landmarkSuffixes = setOf("square", "street", "avenue", "road", "lane", "boulevard",
	"bridge", "palace", "castle", "cathedral", "abbey", "tower", "towers", "zone", "peninsula",
	"sea", "ocean", "river", "mountains", "mountain", "mount", "lake", "strait", "straits",
	"bay", "gulf", "island", "islands", "isles", "valley", "desert", "forest", "canal",
	"airport", "station", "stadium", "arena", "harbour", "harbor", "coast", "hills", "heights",
	"plaza", "gate", "wall", "dam", "falls", "channel", "sound", "cape", "glacier", "basin",
	"plain", "plains", "highlands", "lowlands", "heath", "common", "green", "circus", "park",
	"house", "hall", "field", "ground", "quay", "wharf", "pier", "crossing", "pass",
	"memorial", "monument", "temple", "mosque", "church", "chapel", "canyon", "reef", "delta",
	"county", "ballroom", "gardens", "estuary", "plateau", "hotel", "theater", "theatre")

// featureNouns follow a name in lower case to say it is a geographic
// feature or area: "the Mont Blanc massif", "the Mekong delta".
var featureNouns = setOf("massif", "range", "mountains", "valley", "glacier", "plateau", "delta",
	"basin", "peninsula", "estuary", "coast", "coastline", "region", "province", "archipelago",
	"lowlands", "highlands", "steppe", "rainforest", "desert", "river", "gorge", "strait",
	"county", "district", "prefecture", "governorate", "oblast", "canton", "crossing", "checkpoint")

// naturalFeatures are the landmark words that never end a person's name,
// even after a given name: "Magdalena River", "Victoria Falls".
var naturalFeatures = setOf("river", "sea", "ocean", "mountains", "strait", "straits", "peninsula",
	"canal", "glacier", "desert", "valley", "islands", "isles", "gulf", "estuary", "basin",
	"delta", "plateau", "reef", "canyon", "falls", "county", "highlands", "lowlands")

// calendarWords are capitalised but name times, not people or places.
var calendarWords = setOf("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", "january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul",
	"aug", "sep", "sept", "oct", "nov", "dec", "christmas", "easter", "ramadan", "eid",
	"hanukkah", "diwali", "today", "tonight", "yesterday", "tomorrow", "gmt", "bst", "utc",
	"est", "edt", "pst", "am", "pm", "a.m", "p.m", "new year", "halloween", "thanksgiving",
	"spring", "summer", "autumn", "winter", "mid")

// openers are capitalised only because they start a sentence or heading:
// function words, adverbs and pronouns that are never names.
var openers = setOf("the", "a", "an", "but", "and", "or", "so", "yet", "if", "when", "while",
	"after", "before", "since", "as", "at", "in", "on", "by", "for", "from", "to", "with",
	"without", "of", "about", "under", "over", "despite", "although", "though", "because",
	"however", "meanwhile", "afterward", "afterwards", "also", "still", "instead", "now",
	"then", "there", "here", "this", "that", "these", "those", "it", "its", "he", "she", "they",
	"we", "i", "you", "his", "her", "their", "our", "my", "your", "who", "what", "which",
	"where", "why", "how", "all", "some", "many", "most", "few", "several", "each", "every",
	"both", "either", "neither", "no", "not", "one", "two", "three", "four", "five", "six",
	"seven", "eight", "nine", "ten", "according", "speaking", "asked", "yes", "well", "even",
	"just", "only", "last", "next", "first", "earlier", "later", "recently", "previously",
	"currently", "basically", "indeed", "overall", "further", "furthermore", "moreover",
	"elsewhere", "other", "another", "such", "much", "more", "less", "me", "him", "them", "us",
	"unlike", "like", "between", "among", "during", "until", "through",
	"within", "against", "towards", "toward", "into", "onto", "upon", "around", "across",
	"behind", "beyond", "near", "outside", "inside", "above", "below", "let", "please",
	"thanks", "dear", "oh", "ok", "okay", "wow", "sorry", "hello", "hi", "whether", "once",
	"newly", "former", "ex", "late", "any", "nor", "do", "does", "did", "is", "are", "was",
	"were", "will", "would", "can", "could", "should", "may", "might", "must", "has", "have",
	"had", "be", "being", "been", "whatever", "whoever", "whose", "whom", "perhaps", "maybe",
	"almost", "nearly", "already", "always", "never", "often", "sometimes", "again", "back",
	"away", "out", "up", "down", "off", "too", "very", "quite", "rather", "really", "certainly",
	"clearly", "obviously", "initially", "finally", "eventually", "ultimately", "separately",
	"additionally", "similarly", "likewise", "nevertheless", "nonetheless", "otherwise",
	"thus", "hence", "therefore", "anyway", "besides", "altogether", "everyone", "everybody",
	"someone", "somebody", "anyone", "anybody", "nobody", "none", "nothing", "everything",
	"something", "anything", "twenty", "thirty", "forty", "fifty", "hundred", "thousand",
	"million", "billion", "dozens", "hundreds", "thousands", "millions")

// pronouns that can stand for a speaker, with their gender.
var pronounGender = map[string]byte{"he": 'm', "she": 'f', "they": 'p', "we": 'p', "i": 0}

// connectors may sit inside a capitalised name ("House of Lords",
// "Reporters Without Borders", "William Pitt the Younger").
var connectors = setOf("of", "for", "the", "and", "on", "de", "du", "des", "van", "von",
	"der", "den", "da", "di", "do", "dos", "das", "del", "della", "la", "le", "bin", "ibn",
	"al", "el", "ter", "ten", "y", "&", "to")

// nameParticles join the parts of a personal name; the other connectors
// join parts of organisation and place names.
var nameParticles = setOf("de", "du", "des", "van", "von", "der", "den", "da", "di", "do",
	"dos", "das", "del", "della", "la", "le", "bin", "ibn", "al", "el", "ter", "ten", "y")

// compassWords turn a place into a district or constituency of it
// ("South West Edinburgh", "Aberdeen South").
var compassWords = setOf("north", "south", "east", "west", "northern", "southern", "eastern",
	"western", "central", "greater", "upper", "lower", "inner", "outer", "north-east",
	"north-west", "south-east", "south-west", "mid", "new", "old")

// orgCues are lower-case nouns right before a capitalised name that make
// it an organisation or a work ("rock band Korn", "the firm Absa").
var orgCues = setOf("band", "group", "club", "firm", "company", "party", "team", "side",
	"newspaper", "paper", "magazine", "channel", "network", "station", "agency", "bank",
	"airline", "carrier", "retailer", "broadcaster", "website", "site", "show", "film",
	"movie", "album", "single", "song", "programme", "program", "series", "novel", "book",
	"brand", "label", "charity", "outfit", "duo", "trio", "quartet", "giant", "maker",
	"manufacturer", "operator", "insurer", "lender", "supermarket", "chain", "publisher",
	"brokerage", "carmaker", "chipmaker", "conglomerate",
	"studio", "tabloid", "daily", "weekly", "game", "app", "service", "organisation",
	"organization", "body", "regulator", "watchdog", "group's", "musical", "play", "sitcom",
	"soap", "drama", "title", "track", "hit")

// postNominals follow a name and are not part of it.
var postNominals = setOf("QC", "KC", "MP", "MEP", "MSP", "OBE", "MBE", "CBE", "KBE", "DBE", "Jr",
	"Jnr", "Snr", "Sr", "II", "III", "IV", "PhD", "MD", "Esq")

// landmarkPrefixes open the names of features: "River Severn", "Mount
// Everest", "Lake Geneva".
var landmarkPrefixes = setOf("river", "lake", "mount", "cape", "isle", "port", "fort", "loch",
	"glen", "gulf", "bay", "strait", "sea", "ocean", "mt", "lough", "sierra", "ciudad", "puerto",
	"cerro", "isla", "lago", "monte", "cordillera", "avenida", "rua", "calle", "rue", "piazza",
	"praça", "paseo", "boulevard", "avenue")

// officeTitles are the titles that make a single capitalised word a person
// ("Sen. Kerry", "Coach Mourinho", "Inspector Morse"); a looser role such
// as "Rival" or "Mother" does not.
var officeTitles = setOf("president", "chancellor", "minister", "secretary", "senator", "sen",
	"rep", "representative", "congressman", "congresswoman", "governor", "gov", "mayor",
	"ambassador", "judge", "justice", "general", "gen", "colonel", "col", "captain", "capt",
	"major", "maj", "lieutenant", "lt", "sergeant", "sgt", "corporal", "admiral", "commander",
	"commissioner", "inspector", "detective", "det", "superintendent", "supt", "constable",
	"coach", "premier", "chairman", "chairwoman", "professor", "prof", "dr", "doctor", "mp",
	"msp", "mep", "emperor", "king", "queen", "prince", "princess", "sheikh", "emir", "sultan",
	"pope", "cardinal", "bishop", "archbishop", "councillor", "president-elect", "speaker",
	"wife", "husband", "son", "daughter", "brother", "sister", "father", "mother", "widow",
	"boyfriend", "girlfriend", "partner", "fiancee", "fiance")

// personCues are orgCues that can also be a person's job.
var personCues = setOf("maker", "designer", "producer", "operator", "owner", "founder",
	"publisher", "star", "host", "side", "broadcaster")
