"""Closed word classes of English news prose that the extractors look for (lower case)."""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Capitalised at the start of a sentence only because they start it.
FUNCTION_WORDS: frozenset[str] = words(
    """a an the this that these those there here it its it's he she they we i you his her their our
    my your him them us who whom whose which what when where why how while whereas although though
    but and or nor so yet for if then than as at by in on of to from with without into onto upon
    about above after against along amid among around before behind below beneath beside between
    beyond despite during except inside near off outside over past since through throughout toward
    towards under unlike until unto via within also meanwhile however moreover furthermore nevertheless
    still instead indeed thus hence therefore otherwise first second third fourth fifth finally last
    next later earlier now today yesterday tomorrow tonight once twice again already even just only
    not no yes all any both each every either neither few many more most much other another some such
    several one two three four five six seven eight nine ten asked according despite amid whether
    perhaps maybe yet so too very well why read watch click see listen follow sign subscribe update
    updated editor note photo video related breaking exclusive opinion analysis read more like unlike
    dear please thank thanks sources officials critics supporters analysts experts observers
    democrats republicans voters would could should might must does did do is are was
    were has have had"""
)
MONTHS = words(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec"""
)
WEEKDAYS = words("monday tuesday wednesday thursday friday saturday sunday")

# Words that name a post; a run of them before a name is that person's title.
TITLE_HEADS = words(
    """president vice-president minister premier chancellor secretary senator sen. sen representative
    rep. rep congressman congresswoman congressmember councillor councilor councilman
    councilwoman alderman alderwoman assemblyman assemblywoman trustee governor gov. gov mayor
    chairman chairwoman chair
    ceo cfo coo director judge justice chief ambassador general gen. commander commissioner speaker
    leader king queen prince princess pope sheikh emir ayatollah cardinal bishop archbishop rabbi imam
    sir dame lord emperor empress dr. dr
    mr. mr mrs. mrs ms. ms prof. professor spokesman spokeswoman spokesperson adviser advisor
    attorney prosecutor sheriff lt. lt. col. colonel captain capt. sgt. sergeant admiral adm.
    officer lawmaker candidate nominee founder chairperson head president-elect manager
    strategist pollster anchor host correspondent reporter columnist editor economist analyst"""
)
TITLE_MODIFIERS = words(
    """vice deputy prime foreign defense defence finance interior economy trade health education
    energy justice home state federal former acting interim outgoing incoming then-president
    assistant associate executive senior junior chief general supreme district circuit press
    campaign national security white house democratic republican gop presidential majority
    minority party u.s. us american attorney special top lead interior labor commerce
    agriculture environment transportation treasury homeland white"""
)

# Nouns after a lone surname that make it a person's: 'the Obama administration'.
PERSON_ATTRIBUTES = words(
    """administration campaign camp family aide aides spokesman spokeswoman wife husband son daughter
    brother sister father mother"""
)
# What a possessive lone name has that only a person has: 'Davis' commentary', 'Lopez's remarks'.
PERSON_WORKS = words("commentary column op-ed remarks speech testimony memoir autobiography")
# Nouns after the name of a social platform: 'a Twitter user', 'her Instagram feed'; not 'account',
# which a person has too ('the Comey account of the meeting').
PLATFORM_NOUNS = words("user users handle feed page")
# Verbs whose object is whom something was told: 'told Velta', a news agency or a person.
TELLING_VERBS = words("told tells tell telling")
# Titles of courtesy: how a name is written, never a role.
COURTESY_TITLES = words("mr mrs ms miss dr mx sir dame")
# Courtesy titles that tell a person's gender.
TITLE_GENDERS = {"mr": "male", "mrs": "female", "ms": "female", "miss": "female"}

# What may follow a surname: 'Vann R. Newkirk II'.
NAME_SUFFIXES = words("jr sr ii iii iv")

# A word that makes a run of capitalised words an organisation.
ORGANIZATION_WORDS = words(
    """department ministry agency administration army navy force forces corps guard police service
    services bureau office committee commission council parliament congress senate house assembly
    court party union association federation institute institution foundation university college
    school hospital center centre bank fund reserve corporation corp corp. inc inc. company co. ltd
    llc plc group holdings network news times post journal herald tribune gazette daily magazine
    press media radio tv television channel broadcasting review cartel campaign organization
    organisation league club board authority authorities protection administration command
    coalition alliance movement front government cabinet embassy consulate mission council
    secretariat programme program project initiative society church mosque temple academy
    laboratory lab labs airlines airways motors industries technologies systems partners capital
    associates pac caucus delegation team tribunal observatory watch newspaper newspapers chain firm
    publisher exchange exchanges nations newsroom desk cross treasury international community
    sa spa ag ab nv bv gmbh pty co cos bros bros. electric power petroleum steel cement
    chemical chemicals pharmaceuticals mining securities insurance communications telecom shipping"""
)
# Last words of the names of events, laws, plans and treaties: 'the Harbor Act', 'Labor Day'.
EVENT_WORDS = words(
    """war wars day act plan treaty accord accords pact protocol doctrine amendment prix cup games
    olympics championship championships festival summit revolution crisis scandal massacre"""
)
# People a party's adjective may be said of, in the plural: 'Republican lawmakers'.
PEOPLE_NOUNS: frozenset[str] = words(
    "lawmaker voter official member operative donor activist insider delegate legislator"
)
# Plural nouns that end the name of a body of people: 'the House of Representatives'.
PEOPLE_BODIES: frozenset[str] = words("representatives deputies commons lords delegates governors directors")
PLACE_WORDS = words(
    """city town village county province region district state states street avenue square river
    lake sea ocean gulf bay island islands mountain mountains valley park airport beach hill hills
    border coast peninsula desert canal bridge plaza station zero"""
)
# Plural groups named by a capitalised noun.
GROUP_WORDS: frozenset[str] = words(
    """democrats republicans conservatives liberals progressives evangelicals catholics muslims
    christians jews latinos hispanics millennials independents"""
)
# Lower-case words inside a capitalised name ("Bank of the Philippines", "Juan Ramón de la Fuente").
# Particles a surname of several words may open with ('de la Cruz', 'Le Roux', 'van Dijk').
SURNAME_PARTICLES = words("de la del da di do dos das van von der den du le bin al el")
NAME_CONNECTORS = SURNAME_PARTICLES | words("of y the for")

# Verbs that introduce what someone said, in their base forms; inflections are derived.
SPEECH_VERBS = words(
    """say state add tell write tweet post note explain insist argue claim declare announce warn
    caution reply respond answer ask continue conclude acknowledge admit concede confirm deny recall
    remark observe emphasize emphasise stress suggest predict promise vow pledge urge complain lament
    joke quip boast testify report describe call assert maintain contend point recount reiterate
    agree disagree counter retort shout yell scream cry whisper murmur mutter exclaim proclaim
    comment highlight underline mention tout charge accuse blast slam praise criticize criticise
    lash question wonder add read begin condemn denounce decry dismiss brand label exhort sing
    believe muse press interject implore plead beg advise counsel demur concur opine allege assure
    reassure brag chide scold taunt tease gush marvel rave rant grumble gripe scoff sneer snap bark
    blurt bellow thunder hint speculate theorize posit surmise elaborate summarize summarise
    recite remind reveal confess confide object protest instruct interrupt lecture sigh chuckle laugh
    shrug inform assert caution intone profess pronounce propose quiz query inquire enquire
    volunteer venture concede retort rebut reckon"""
)
IRREGULAR_SPEECH_FORMS = {
    "said": "say",
    "says": "say",
    "told": "tell",
    "tells": "tell",
    "wrote": "write",
    "writes": "write",
    "written": "write",
    "began": "begin",
    "cried": "cry",
    "replied": "reply",
    "testified": "testify",
    "denied": "deny",
    "quipped": "quip",
    "added": "add",
    "read": "read",
}
# Verbs that mean speaking with their particle only, in the forms that open or close a quote.
PHRASAL_SPEECH_FORMS = frozenset(
    (verb, particle)
    for verbs, particle in (
        ("shot shoots fired fires hit hits pushed pushes snapped snaps", "back"),
        ("chimed chimes weighed weighs cut cuts", "in"),
        ("pointed points spelled spells", "out"),
        ("summed sums", "up"),
    )
    for verb in verbs.split()
)
# People named after someone they are not the voice of ('a Lopez supporter'), unlike an aide or a
# spokesman, who speaks for the one named.
NOT_VOICES = words(
    "supporter supporters voter voters critic critics fan fans opponent opponents rival rivals"
)
# Words before which a speech verb's form is a noun ('the states', 'a report').
DETERMINERS = words("the a an this these those his her its their our my your whose each every no")
# Capitalised adjectives that describe, never name, a speaker ('Republican claims').
PARTY_ADJECTIVES = words("democratic republican conservative liberal progressive libertarian")
# Prepositions, conjunctions and articles: capitalised inside a run of capitals, a title's words.
JOINING_WORDS = words("through with without for and or but nor to from into by at in on the a an of over")
# Words that open a new clause: a speech verb after them is not the cue of the quote before.
SUBORDINATORS = words("when while after because before since if though although until unless whereas where")
# Words that open a phrase, never a subject: a speech verb after them ('"unfair" in her letter and
# warned ...') is not the cue of the quote before.
PHRASE_OPENERS = words(
    """of in on at for to from with by about into onto over under against between through during
    without toward towards regarding concerning including despite amid"""
)
# Sentence-initial cues with the speaker after them: 'Said Ellis: ...'.
INVERTED_CUES = words("said says")

PRONOUNS = {
    "he": "male",
    "him": "male",
    "his": "male",
    "she": "female",
    "her": "female",
    "hers": "female",
    "it": "thing",
    "its": "thing",
    "they": "plural",
    "we": "plural",
    "i": "self",
}

# Number words and scales for figures.
NUMBER_WORDS: dict[str, int] = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "dozen": 12,
}
SCALES: dict[str, float] = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "mn": 1e6,
    "m": 1e6,
    "bn": 1e9,
    "b": 1e9,
    "tn": 1e12,
    "k": 1e3,
}
INCREASE_WORDS = words(
    """increase increased increases increasing raise raised raises
    rise rose risen rising rises up grow grew grown growth
    growing jump jumped jumps surge surged soar soared climb climbed gain gained gains boost boosted
    higher more expand expanded expansion hike hiked spike spiked doubled tripled"""
)
DECREASE_WORDS = words(
    """decrease decreased decreases decreasing reduction reductions reduce reduced fall fell fallen
    falling falls drop dropped drops dropping decline declined declines declining down cut cuts
    lower less shrink shrank shrunk plunge plunged plummet plummeted slump slumped slide slid sink
    sank loss losses lost dip dipped halved contraction contracted"""
)
# Nouns whose plural does not end in s, so that "60 fishermen" counts fishermen.
IRREGULAR_PLURALS = words("people children men women police staff cattle feet teeth mice geese")
# Units of measurement, as written after a number (lower case; plurals listed where irregular).
MEASUREMENT_UNITS = words(
    """percent points point hours hour days day weeks week months month years year minutes minute min
    mins seconds second secs decades decade centuries century times nights night
    tons ton tonnes tonne kilometers kilometer kilometres kilometre km miles mile meters meter metres
    metre m cm mm nm μm um nanometers nanometer nanometres nanometre
    feet foot ft inches inch yards yard yds acres acre hectares hectare ha
    grams gram g kilograms kilogram kg kilos kilo mg pounds pound lb lbs ounces ounce oz liters liter
    litres litre l ml gallons gallon barrels barrel degrees degree calories calorie kcal decibels
    decibel db volts volt v kv watts watt w kw mw gw kwh mwh gwh twh gigawatts gigawatt megawatts
    megawatt kilowatts kilowatt mah hz khz mhz ghz gb mb tb kb mbps gbps kbps hp bhp ps horsepower
    horses knots knot kt mph kph km/h mpg psi ksi nm lb-ft bps ppg rpg apg cents cent pence p
    yuan yen rupees rupee euros euro dollars dollar pesos peso shekels shekel ringgit won francs
    rubles roubles kn baht rand reais naira lira usd eur gbp jpy cny chf aud cad inr mxn"""
)

QUALIFIERS: tuple[str, ...] = (
    "up to",
    "more than",
    "less than",
    "fewer than",
    "at least",
    "at most",
    "nearly",
    "almost",
    "about",
    "around",
    "roughly",
    "approximately",
    "some",
    "over",
    "under",
    "just over",
    "just under",
    "as many as",
    "as much as",
    "as few as",
    "close to",
    "estimated",
    "an estimated",
)
