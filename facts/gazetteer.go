package facts

import "strings"

// gazetteerEntry is a known name: its kind and canonical form.
type gazetteerEntry struct {
	name, kind string
	// demonym is set for adjective forms ("Russian"), which name the
	// country only as a mention, never as a variant's canonical form.
	demonym bool
	// key is the entity key of the name: "gaz:" + name.
	key string
}

// countryTable lists countries as "Canonical|variant|...;demonym|...".
// Variants include the common short forms and abbreviations.
var countryTable = []string{
	"Afghanistan;Afghan", "Albania;Albanian", "Algeria;Algerian", "Andorra;Andorran", "Angola;Angolan",
	"Argentina;Argentine|Argentinian", "Armenia;Armenian", "Australia;Australian", "Austria;Austrian",
	"Azerbaijan;Azerbaijani", "Bahamas|The Bahamas;Bahamian", "Bahrain;Bahraini", "Bangladesh;Bangladeshi",
	"Barbados;Barbadian", "Belarus;Belarusian", "Belgium;Belgian", "Belize;Belizean", "Benin;Beninese",
	"Bhutan;Bhutanese", "Bolivia;Bolivian", "Bosnia and Herzegovina|Bosnia;Bosnian", "Botswana",
	"Brazil;Brazilian", "Brunei", "Bulgaria;Bulgarian", "Burkina Faso", "Burundi;Burundian", "Cambodia;Cambodian",
	"Cameroon;Cameroonian", "Canada;Canadian", "Cape Verde", "Central African Republic", "Chad;Chadian",
	"Chile;Chilean", "China|People's Republic of China|PRC;Chinese", "Colombia;Colombian", "Comoros", "Congo|Republic of the Congo;Congolese",
	"Democratic Republic of the Congo|DRC|DR Congo", "Costa Rica;Costa Rican", "Croatia;Croatian", "Cuba;Cuban",
	"Cyprus;Cypriot", "Czech Republic|Czechia;Czech", "Denmark;Danish", "Djibouti", "Dominican Republic;Dominican",
	"Ecuador;Ecuadorian", "Egypt;Egyptian", "El Salvador;Salvadoran", "Equatorial Guinea", "Eritrea;Eritrean",
	"Estonia;Estonian", "Eswatini|Swaziland", "Ethiopia;Ethiopian", "Fiji;Fijian", "Finland;Finnish", "France;French",
	"Gabon;Gabonese", "Gambia|The Gambia;Gambian", "Georgia;Georgian", "Germany;German", "Ghana;Ghanaian",
	"Greece;Greek", "Guatemala;Guatemalan", "Guinea;Guinean", "Guinea-Bissau", "Guyana;Guyanese", "Haiti;Haitian",
	"Honduras;Honduran", "Hungary;Hungarian", "Iceland;Icelandic", "India;Indian", "Indonesia;Indonesian",
	"Iran|Islamic Republic of Iran;Iranian", "Iraq;Iraqi", "Ireland|Republic of Ireland;Irish", "Israel;Israeli",
	"Italy;Italian", "Ivory Coast|Côte d'Ivoire;Ivorian", "Jamaica;Jamaican", "Japan;Japanese", "Jordan;Jordanian",
	"Kazakhstan;Kazakh", "Kenya;Kenyan", "Kosovo;Kosovar", "Kuwait;Kuwaiti", "Kyrgyzstan;Kyrgyz", "Laos;Lao|Laotian",
	"Latvia;Latvian", "Lebanon;Lebanese", "Lesotho", "Liberia;Liberian", "Libya;Libyan", "Liechtenstein",
	"Lithuania;Lithuanian", "Luxembourg", "Madagascar;Malagasy", "Malawi;Malawian", "Malaysia;Malaysian",
	"Maldives;Maldivian", "Mali;Malian", "Malta;Maltese", "Mauritania;Mauritanian", "Mauritius;Mauritian",
	"Mexico;Mexican", "Moldova;Moldovan", "Monaco", "Mongolia;Mongolian", "Montenegro;Montenegrin",
	"Morocco;Moroccan", "Mozambique;Mozambican", "Myanmar|Burma;Burmese", "Namibia;Namibian", "Nepal;Nepali|Nepalese",
	"Netherlands|The Netherlands|Holland;Dutch", "New Zealand", "Nicaragua;Nicaraguan", "Niger", "Nigeria;Nigerian",
	"North Korea|DPRK;North Korean", "North Macedonia|Macedonia;Macedonian", "Norway;Norwegian", "Oman;Omani",
	"Pakistan;Pakistani", "Palestine|Palestinian Territories;Palestinian", "Panama;Panamanian",
	"Papua New Guinea", "Paraguay;Paraguayan", "Peru;Peruvian", "Philippines|The Philippines;Filipino|Philippine",
	"Poland;Polish", "Portugal;Portuguese", "Qatar;Qatari", "Romania;Romanian",
	"Russia|Russian Federation;Russian", "Rwanda;Rwandan", "Saudi Arabia|Saudi;Saudi Arabian", "Senegal;Senegalese",
	"Serbia;Serbian", "Sierra Leone", "Singapore;Singaporean", "Slovakia;Slovak", "Slovenia;Slovenian",
	"Somalia;Somali", "South Africa;South African", "South Korea|Republic of Korea;South Korean", "South Sudan",
	"Spain;Spanish", "Sri Lanka;Sri Lankan", "Sudan;Sudanese", "Suriname", "Sweden;Swedish", "Switzerland;Swiss",
	"Syria|Syrian Arab Republic;Syrian", "Taiwan;Taiwanese", "Tajikistan;Tajik", "Tanzania;Tanzanian",
	"Thailand;Thai", "Togo;Togolese", "Trinidad and Tobago", "Tunisia;Tunisian", "Turkey|Türkiye;Turkish",
	"Turkmenistan;Turkmen", "Uganda;Ugandan", "Ukraine;Ukrainian", "United Arab Emirates|UAE|U.A.E.;Emirati",
	"United Kingdom|UK|U.K.|Britain|Great Britain;British",
	"United States|US|U.S.|USA|U.S.A.|United States of America|America;American",
	"Uruguay;Uruguayan", "Uzbekistan;Uzbek", "Venezuela;Venezuelan", "Vietnam|Viet Nam;Vietnamese",
	"Yemen;Yemeni", "Zambia;Zambian", "Zimbabwe;Zimbabwean",
}

// orgTable lists well-known organisations as "Canonical|variant|...".
var orgTable = []string{
	"United Nations|UN|U.N.", "UN Security Council|U.N. Security Council|United Nations Security Council|Security Council",
	"UN General Assembly|U.N. General Assembly|General Assembly", "NATO|Nato|North Atlantic Treaty Organization",
	"European Union|EU|E.U.", "European Commission", "European Parliament", "Arab League", "African Union",
	"World Health Organization|WHO", "UNICEF|Unicef", "UNHCR", "UNESCO|Unesco", "World Food Programme|WFP",
	"International Committee of the Red Cross|ICRC|Red Cross", "Red Crescent", "Amnesty International|Amnesty",
	"Human Rights Watch|HRW", "Doctors Without Borders|Médecins Sans Frontières|MSF", "World Bank",
	"International Monetary Fund|IMF", "International Criminal Court|ICC", "White House", "Kremlin", "Pentagon",
	"State Department|US State Department|U.S. State Department", "Congress|US Congress|U.S. Congress", "Senate",
	"FBI", "CIA", "Reuters", "Associated Press|AP", "Agence France-Presse|AFP", "CNN", "BBC",
	"The New York Times|New York Times", "The Washington Post|Washington Post", "The Guardian",
	"Al Jazeera", "Islamic State|ISIS|ISIL|IS", "Al-Qaeda|al-Qaeda|Al Qaeda|al Qaeda", "Taliban", "Hezbollah", "Hamas",
	"OPEC", "G7|G-7", "G20|G-20", "WTO|World Trade Organization",
}

// placeTable lists capitals and large cities.
var placeTable = []string{
	"Washington|Washington, D.C.|Washington DC", "New York|New York City", "London", "Paris", "Berlin", "Moscow",
	"Beijing", "Tokyo", "Ottawa", "Rome", "Madrid", "Brussels", "Geneva", "Vienna", "Hamburg", "Munich",
	"Damascus", "Baghdad", "Tehran", "Beirut", "Cairo", "Jerusalem", "Tel Aviv", "Gaza", "Ankara", "Istanbul",
	"Riyadh", "Doha", "Dubai", "Abu Dhabi", "Kabul", "Islamabad", "New Delhi|Delhi", "Mumbai", "Dhaka",
	"Bangkok", "Jakarta", "Manila", "Seoul", "Pyongyang", "Hong Kong", "Shanghai", "Sydney", "Canberra",
	"Toronto", "Montreal", "Vancouver", "Mexico City", "Havana", "Caracas", "Bogota|Bogotá", "Lima",
	"Buenos Aires", "Brasilia|Brasília", "Rio de Janeiro", "Sao Paulo|São Paulo", "Nairobi", "Lagos", "Abuja",
	"Johannesburg", "Cape Town", "Addis Ababa", "Khartoum", "Tripoli", "Tunis", "Algiers", "Rabat",
	"Kiev|Kyiv", "Warsaw", "Prague", "Budapest", "Athens", "Lisbon", "Dublin", "Edinburgh", "Amsterdam",
	"The Hague", "Stockholm", "Oslo", "Copenhagen", "Helsinki", "Minsk", "Los Angeles", "Chicago", "San Francisco",
	"Boston", "Miami", "Houston", "Silicon Valley", "Europe", "Asia", "Africa", "Middle East", "Latin America",
	"North America", "South America", "Gulf|Persian Gulf", "Mediterranean", "Idlib", "Crimea",
}

// gazetteer maps a lowercase name to its entry.
type gazetteer map[string]gazetteerEntry

func newGazetteer() gazetteer {
	g := gazetteer{}
	add := func(table []string, kind string) {
		for _, row := range table {
			names, dems, _ := strings.Cut(row, ";")
			vs := strings.Split(names, "|")
			for _, v := range vs {
				g[strings.ToLower(v)] = gazetteerEntry{name: vs[0], kind: kind, key: "gaz:" + vs[0]}
			}
			if dems != "" {
				for _, d := range strings.Split(dems, "|") {
					g[strings.ToLower(d)] = gazetteerEntry{name: vs[0], kind: kind, demonym: true, key: "gaz:" + vs[0]}
				}
			}
		}
	}
	add(placeTable, "place")
	add(orgTable, "organisation")
	add(countryTable, "country")
	return g
}

// shortUpper holds the short gazetteer names written in capitals only
// ("US", "IS", "WHO"), built once from the tables.
var shortUpper = func() map[string]bool {
	m := map[string]bool{}
	for _, table := range [][]string{countryTable, orgTable, placeTable} {
		for _, row := range table {
			names, _, _ := strings.Cut(row, ";")
			for _, v := range strings.Split(names, "|") {
				if len(v) <= 4 && v == strings.ToUpper(v) {
					m[strings.ToLower(v)] = true
				}
			}
		}
	}
	return m
}()

// gazetteerFirst holds the first word of every gazetteer name.
var gazetteerFirst = func() map[string]bool {
	m := map[string]bool{}
	for k := range defaultGazetteer {
		f, _, _ := strings.Cut(k, " ")
		m[f] = true
	}
	return m
}()

// gazetteerFirstScreen and gazetteerScreen screen gazetteerFirst and
// defaultGazetteer's names.
var (
	gazetteerFirstScreen = screenOfKeys(gazetteerFirst)
	gazetteerScreen      = screenOfKeys(defaultGazetteer)
)

// isGazetteerFirst is gazetteerFirst[w].
func isGazetteerFirst(w string) bool {
	return gazetteerFirstScreen.has(w) && gazetteerFirst[w]
}

// defaultGazetteer is built once; it is never modified after.
var defaultGazetteer = newGazetteer()

// ambiguousLower are gazetteer names that are also common lowercase words:
// they only match when capitalised.
var ambiguousLower = map[string]bool{
	"us": true, "who": true, "chad": true, "jordan": true, "turkey": true, "georgia": true, "guinea": true,
	"niger": true, "senate": true, "congress": true, "gulf": true, "is": true, "ap": true, "amnesty": true,
	"china": true, "holland": true,
}

// titles precede a person's name; the longest match is taken.
var titles = map[string]bool{
	"president": true, "vice president": true, "prime minister": true, "foreign minister": true, "minister": true,
	"deputy foreign minister": true, "defense minister": true, "defence minister": true, "interior minister": true,
	"secretary of state": true, "secretary": true, "secretary-general": true, "secretary general": true,
	"special envoy": true, "envoy": true, "ambassador": true, "chancellor": true, "king": true, "queen": true,
	"prince": true, "princess": true, "pope": true, "sen.": true, "senator": true, "rep.": true, "representative": true,
	"gov.": true, "governor": true, "mayor": true, "deputy mayor": true, "mr.": true, "mrs.": true, "ms.": true, "dr.": true, "mr": true,
	"mrs": true, "ms": true, "dr": true, "prof.": true, "professor": true, "gen.": true, "general": true, "brig.": true,
	"brig. gen.": true, "col.": true, "colonel": true, "lt.": true, "capt.": true, "captain": true, "maj.": true,
	"sgt.": true, "judge": true, "justice": true, "chief": true, "commander": true, "spokesman": true,
	"spokeswoman": true, "spokesperson": true, "director": true, "chairman": true, "chairwoman": true, "ceo": true,
	"sheikh": true, "emir": true, "rev.": true, "father": true, "sister": true, "inspector": true, "superintendent": true,
	"councillor": true, "councilor": true, "detective": true, "officer": true, "deputy": true, "chief executive": true,
	"head": true, "leader": true, "lord": true, "lady": true, "sir": true, "dame": true,
}

// personCues are lowercase words that, right before a name, say it is a
// person's.
var personCues = map[string]bool{
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "envoy": true, "minister": true, "president": true,
	"secretary": true, "leader": true, "official": true, "commander": true, "general": true, "chief": true,
	"director": true, "mayor": true, "governor": true, "senator": true, "analyst": true, "correspondent": true,
	"professor": true, "chairman": true, "chairwoman": true, "ambassador": true, "captain": true, "officer": true,
	"resident": true, "witness": true, "doctor": true, "nurse": true, "engineer": true, "manager": true,
	"researcher": true, "student": true, "teacher": true, "mother": true, "father": true, "author": true, "by": true,
	"representative": true, "lawyer": true, "attorney": true, "founder": true, "head": true, "coordinator": true,
	"diplomat": true, "activist": true, "survivor": true, "operator": true, "inspector": true, "superintendent": true,
}

// placeCues are prepositions after which a capitalised name is usually a
// place.
var placeCues = map[string]bool{"in": true, "at": true, "near": true, "outside": true, "across": true, "towards": true, "toward": true, "around": true, "throughout": true, "inside": true, "via": true}

// placeNouns follow ("Idlib province") or precede with "of" ("the town of
// Jibreen") a place name.
var placeNouns = map[string]bool{
	"province": true, "city": true, "region": true, "district": true, "neighbourhood": true, "neighborhood": true,
	"county": true, "state": true, "town": true, "village": true, "valley": true, "river": true, "lake": true,
	"island": true, "islands": true, "mountains": true, "coast": true, "port": true, "harbour": true, "harbor": true,
	"border": true, "suburb": true, "borough": true, "municipality": true, "capital": true, "camp": true,
}

// orgCues end (or hold) an organisation's name.
var orgCues = map[string]bool{
	"council": true, "observatory": true, "agency": true, "ministry": true, "department": true, "army": true,
	"front": true, "league": true, "union": true, "party": true, "committee": true, "commission": true,
	"organisation": true, "organization": true, "watch": true, "institute": true, "university": true,
	"association": true, "bank": true, "corporation": true, "corp.": true, "corp": true, "inc.": true, "inc": true,
	"ltd": true, "ltd.": true, "company": true, "group": true, "foundation": true, "fund": true, "authority": true,
	"court": true, "police": true, "service": true, "services": true, "office": true, "news": true,
	"times": true, "post": true, "herald": true, "daily": true, "tribune": true, "journal": true, "network": true,
	"federation": true, "society": true, "college": true, "hospital": true, "school": true, "board": true,
	"assembly": true, "parliament": true, "alliance": true,
	"brigade": true, "brigades": true, "movement": true, "guard": true, "wire": true,
	"press": true, "gazette": true, "radio": true, "tv": true, "television": true, "airlines": true, "airways": true,
	"ferries": true, "lines": true, "trust": true, "centre": true, "center": true, "programme": true, "program": true,
	"coastguard": true, "navy": true,
}

// nameParticles join parts of a name: "Staffan de Mistura", "Bashar
// al-Assad", "Ludwig van Beethoven".
var nameParticles = map[string]bool{
	"de": true, "del": true, "della": true, "di": true, "da": true, "du": true, "van": true, "von": true, "der": true,
	"den": true, "al": true, "el": true, "bin": true, "ibn": true, "la": true, "le": true, "dos": true, "das": true,
}

// connectors may join the words of an organisation's name.
var connectors = map[string]bool{"of": true, "for": true, "the": true, "on": true}

// commonCapitals are words capitalised only because they start a
// sentence, a heading or a quote.
var commonCapitals = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`the a an but and or in on at for with this that these those it he she they we i
	you after before despite however meanwhile while when if as there here some many most more other another his
	her their our its today yesterday tomorrow also so then now even only instead outside inside read news click
	share according last next nearly about all both each every no not over under since until because although
	though what who why how where which rather yet still just my your one two three four five six seven eight nine
	ten first second third new photo image video watch follow subscribe sign advertisement related more see listen
	from by to of into up out down off again further once during without within between among around near via per
	monday tuesday wednesday thursday friday saturday sunday january february march april june july august
	september october november december mr mrs ms dr sir madam dear please thank thanks yes no oh well
	min minute minutes updated published posted copyright image caption credit getty file story
	editor editors note breaking live latest top home menu search login log`) {
		commonCapitals[w] = true
	}
}

// wordScreen is a small Bloom filter over words, by their length and
// their first, second and last bytes. A word it rules out is in none of
// the sets it was built from; testing it is much cheaper than a map
// lookup, and most words looked up are in no set.
type wordScreen [64]uint64 // 4096 bits

func screenBit(w string) uint32 {
	n := len(w)
	k := uint32(n) << 24
	if n > 0 {
		k |= uint32(w[0]) | uint32(w[n-1])<<8 | uint32(w[min(1, n-1)])<<16
	}
	return (k * 0x9e3779b1) >> 20
}

func (s *wordScreen) add(w string) {
	b := screenBit(w)
	s[b>>6] |= 1 << (b & 63)
}

// has reports whether w may be in the screened sets.
func (s *wordScreen) has(w string) bool {
	b := screenBit(w)
	return s[b>>6]&(1<<(b&63)) != 0
}

// screenOfKeys returns the screen of the keys of m.
func screenOfKeys[V any](m map[string]V) *wordScreen {
	s := new(wordScreen)
	for k := range m {
		s.add(k)
	}
	return s
}
