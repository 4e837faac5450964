"""Word lists for synthetic articles: invented names, invented outlets, stock phrases.

The names are made up to sound like several regions; they belong to no real person.
Countries, capitals and organisations come from the reference data instead
(``diplomacy.reference``).
"""

# Each region: invented given names (male, female), invented surnames, the ISO codes of
# the countries whose officials carry such names, and how a woman's surname is formed.
REGIONS = {
    "central_asian": {
        "male": """Aibarkhan Dauletbek Yerbolsyn Temirzhan Nurlanbek Askharbek Bekzodjon
            Farrukhbek Ulanbek Kairzhan Rustamjon Sakenbai Zhandosbek Timurbai Azamatbek
            Medetkhan Serikzhan Olzhasbek""".split(),
        "female": """Aigerimai Dinarakhan Gulnazira Saltanatai Madinagul Zarinakhon
            Kamilagul Aizhanar Nazgulai Shakhnozai""".split(),
        "surnames": """Tolegenbayev Zhaksymbetov Orynbasarkhanov Kuandykbekov Sadvakbayev
            Bekmurzakhanov Nurmaganbekov Turdalibekov Abdukarimzoda Ismoilbekzoda
            Yusupbekhanov Kadyrkulbekov Sheralizoda Akhmedjanbekov Baimukhambetov
            Yessenkulbayev Toktarbekhanov Sultanbekzhanov Mamyrkulov Dzhumagulbekov
            Karabekzhanov Ospanbayev Zhumabekhanov Ergeshbaiev""".split(),
        "countries": ["KZ", "KG", "UZ", "TJ", "TM"],
        "female_suffix": {"ov": "ova", "ev": "eva"},
    },
    "chinese": {
        "male": """Mingzhe Haoranyu Zhiyuanfei Yunfeiqing Shaohuang Qingyuan Lixinhe
            Tianlewen Wenjiehai Kaiwenbo Jianzhuo Boyanfeng Rongzhou Weichenglin""".split(),
        "female": """Jingyiwen Weilanxi Ruoxiyue Dongmeihua Xiaolanqing Jiahuiyu
            Meilingxue Yuxinlan""".split(),
        "surnames": """Luo Han Zhou Tang Guo Xue Pan Cao Fang Jiang Shen Dong Yuan Lu Qin
            Kang Tian Ren Xiao Deng""".split(),
        "countries": ["CN"],
        "family_first": True,
    },
    "arabic": {
        "male": """Tariqan Samiran Nabilah Yousefan Faisalan Khalidun Hamdanur Rashedan
            Marwanid Zayedun Adnanur Basimun""".split(),
        "female": """Laylanur Nouraan Salmaya Hudaan Rimaan Lubnaya""".split(),
        "surnames": """Al-Haddadin Al-Mansouri Al-Khatibani Suwaidani Al-Qasimani
            Al-Rawahini Haddadeen Barakatan Al-Nuaimani Saadounan Khourani Al-Fardani
            Al-Shamsari Al-Tunaiji Zahrawan""".split(),
        "countries": ["SA", "AE", "EG", "QA", "KW", "OM", "JO"],
    },
    "slavic": {
        "male": """Dmitrislav Olegard Stanimir Vadimir Yaroslavin Borimir Miroslavin
            Anatolik Radomir Vsevolodin Bogdanil Zdenimir""".split(),
        "female": """Svetomira Irinella Ludomila Oksanira Radoslava Velimira""".split(),
        "surnames": """Voronkovsky Zaretskin Gorbunkov Kolesnikovich Melnichukov
            Dobrovolin Sokolovin Trofimenkov Radulovin Kovalenkin Zhuravkov Lebedinsky
            Morozovich Belousin Chernyshkov""".split(),
        "countries": ["RU", "BY", "RS", "PL", "BG"],
        "female_suffix": {"ov": "ova", "in": "ina", "sky": "skaya", "kin": "kina"},
    },
    "european": {
        "male": """Henrikus Matthiasz Laurentin Pieterjan Tomaso Joriske Clemenzo
            Ansgarde Ludovik Maximilan Oskarin Benedikt""".split(),
        "female": """Giuliette Annelieze Sofiane Elenora Margitta Ingridelle Clarisse
            Mathildea""".split(),
        "surnames": """Vandermeeren Lindqvistad Castellanoro Brandstettner Oosterhuisen
            Duchampelle Ferreirinha Kalliovaara Schoenfelden Marchettino Verhoevenaar
            Bergstrandt Delacroixe Hallgrimson Montebrandi""".split(),
        "countries": ["FR", "DE", "IT", "AT", "NL", "ES", "PT", "SE", "FI", "BE"],
    },
    "african": {
        "male": """Kwabenor Amaruko Tendaiwe Chidubem Sekouba Olusegar Kofimensa Abebech
            Jabulane Obinnaya Tafadzo Kwesiru""".split(),
        "female": """Thandiwen Wanjirae Fatoumara Ngoziya Amaniwe Adjoaba""".split(),
        "surnames": """Mensah-Boaten Okonkwedu Dialloba Mwangiro Tshabalanga Abiodunmi
            Kamarabe Otienozi Ndlovuzo Asanteba Hailemar Sissokona Banda-Mulenge
            Oduyoye-Kanu Nkemelu""".split(),
        "countries": ["KE", "NG", "GH", "ET", "SN", "TZ", "ZA"],
    },
}

# Invented news outlets and press services.
OUTLETS = [
    "Steppe Herald",
    "Caspian Wire",
    "Orient Dispatch",
    "Meridian Newswire",
    "Silk Bridge Daily",
    "Continental Review",
    "Horizon Press",
    "Lakeside Courier",
    "Plateau Post",
    "Northern Gazette",
]

# Posts an official can hold; "{demonym} {title} {name}" and "{name}, {long} of {country}".
TITLES = [
    ("Foreign Minister", "Minister of Foreign Affairs"),
    ("President", "President"),
    ("Prime Minister", "Prime Minister"),
    ("Deputy Foreign Minister", "Deputy Minister of Foreign Affairs"),
    ("Vice President", "Vice President"),
    ("Economy Minister", "Minister of Economy"),
    ("Defence Minister", "Minister of Defence"),
    ("Trade Minister", "Minister of Trade"),
    ("Energy Minister", "Minister of Energy"),
    ("Deputy Prime Minister", "Deputy Prime Minister"),
]

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

TOPICS = [
    "trade and investment",
    "energy security",
    "transport corridors",
    "regional stability",
    "water management",
    "climate adaptation",
    "digital connectivity",
    "food security",
    "cultural exchanges",
    "customs cooperation",
    "counter-terrorism",
    "education and youth exchanges",
    "green hydrogen",
    "logistics and transit",
    "public health",
    "tourism",
    "agricultural exports",
    "border management",
    "critical minerals",
    "humanitarian assistance",
]

ADJECTIVES = [
    "constructive",
    "friendly",
    "substantive",
    "frank",
    "productive",
    "wide-ranging",
    "cordial",
    "detailed",
]

# Pieces of what officials say; joined into quotations and reported speech.
CLAIMS = [
    "our countries share a long history of good-neighbourly relations",
    "cooperation in {topic} remains a priority for both sides",
    "the partnership has entered a new stage of development",
    "dialogue is the only reliable path to lasting security",
    "the two economies complement each other in many sectors",
    "joint projects in {topic} will bring tangible benefits to ordinary people",
    "the region needs predictable rules and open markets",
    "multilateral institutions must be strengthened rather than weakened",
    "mutual trust is the foundation of every durable agreement",
    "the agreements signed today open new opportunities in {topic}",
    "young people should benefit first from closer ties",
    "the roadmap adopted last year is being implemented on schedule",
    "no country can meet the challenges of {topic} alone",
    "practical results matter more than declarations",
    "the volume of bilateral trade can be doubled within five years",
]

# Endings that vary the claims, so that repeated statements stay rare.
CLAIM_TAILS = [
    "despite the difficult international situation",
    "in the coming years",
    "as agreed at the highest level",
    "for the benefit of both peoples",
    "on the basis of equality and mutual respect",
    "in line with the decisions of the last summit",
    "within the framework of the strategic partnership",
    "through regular consultations between the ministries",
    "without interference in internal affairs",
    "step by step and with full transparency",
    "as soon as the technical work is completed",
    "together with our partners in the region",
]

FILLER = [
    "The sides reviewed the implementation of earlier agreements and discussed the "
    "calendar of upcoming contacts.",
    "Particular attention was paid to {topic} and to the expansion of direct flights "
    "between the two capitals.",
    "Officials said that a joint working group on {topic} would meet before the end of the year.",
    "Bilateral trade has grown steadily over the past decade, according to official "
    "statistics, and both governments expect further growth.",
    "The talks also covered cooperation within international organisations and "
    "preparations for forthcoming multilateral events.",
    "A number of documents on {topic} were signed following the talks.",
    "Analysts note that the visit reflects the growing importance of {topic} in the "
    "region's foreign policy agenda.",
    "Business delegations accompanied the officials, and a separate session was devoted "
    "to investment projects.",
    "The parties exchanged views on the situation in neighbouring regions and on ways to "
    "strengthen confidence-building measures.",
    "Experts expect the new arrangements on {topic} to take effect early next year.",
    "The programme of the visit included a tour of an industrial park and a meeting "
    "with representatives of the expatriate community.",
    "Both sides stressed the role of parliaments and think tanks in bringing the "
    "peoples closer together.",
]

MEETING_EVENTS = [
    "meeting of foreign ministers",
    "summit",
    "ministerial conference",
    "forum on {topic}",
    "council of ministers",
]
