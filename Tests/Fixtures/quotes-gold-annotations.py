# The hand annotations behind Tests/Fixtures/quotes-gold.json (see docs/quotes.md).
#
# Written by reading each selected article in full, before any quote-finding code existed. Each
# quote is noted as (first words, last words, speaker); this script only copies the exact source
# text between them into the JSON and checks that it sits between quotation marks (or, for the
# unclosed quote, runs to the end of its paragraph). Run from the repository root:
#   python3 Tests/Fixtures/quotes-gold-annotations.py
import json, os
C = '../shared/corpus/wikinews-2019/'
G = {
'000': [("presumably between", "under the rubble", "Yevgeny Zinichev"),
        ("real threat of", "building collapsing", "Yevgeny Zinichev"),
        ("impossible to continue", "such conditions", "Yevgeny Zinichev"),
        ("The search and rescue operation", "is complete,", "Alexander Chupriyan"),
        ("three terrorists", "three terrorists", "Znak.com")],
'005': [], '010': [],
'015': [("The airline transports", "around the region,", "Mike Pompeo"),
        ("that this airline carries", "security concerns,", "Steffen Seibert"),
        ("contributed to incredible", "across the world,", "Richard Grenell")],
'020': [],
'025': [("not forget that", "depend on you.", "Emergencies Ministry"),
        ("comply with the established", "on the road.", "Emergencies Ministry")],
'030': [("This day is very hard", "many memories,", "Abdullah Kurdi"),
        ("It's people with good heart", "find ... peace.", "Abdullah Kurdi"),
        ("The name 'Alan Kurdi'", "have to feel.", "Carlotta Weibl")],
'035': [("President Trump treats", "utter contempt,", "Xavier Becerra"),
        ("He knows there is no border", "case in court.", "Xavier Becerra")],
'040': [("Saying I'm sorry", "for leniency.", "Amy Berman Jackson")],
'045': [("After elections, we will", "implement these plans.", "Recep Tayyip Erdoğan"),
        ("Ayasofya [Haghia", "call it a mosque", "Recep Tayyip Erdoğan"),
        ("It [Haghia Sophia] is not only", "international law", "George Katrougalos"),
        ("Hagia Sophia bears", "must be maintained", "United States Commission on International Religious Freedom"),
        ("Those who remain silent", "such a right.", "Recep Tayyip Erdoğan"),
        ("Constantinople will never", "you know that.", "Recep Tayyip Erdoğan")],
'050': [("currently focuses on", "coastdown testing", "Ford Motor Company"),
        ("does not involve the use", "defeat devices", "Ford Motor Company"),
        ("Ford is fully cooperating", "technical review", "Ford Motor Company"),
        ("In addition, we have notified", "government agencies.", "Ford Motor Company")],
'055': [("concrete and efficient measures", "concrete and efficient measures", "Pope Francis"),
        ("The crimes of sexual abuse offend", "the church's mission", "Pope Francis"),
        ("We have said for years", "be exempt?", "Marc Ouellet"),
        ("People must know", "must be reported.", "Charles Scicluna"),
        ("The church should establish", "keep abuse secret", "Peter Iseley"),
        ("Bishops reporting to themselves", "police and prosecutors.", "Peter Iseley")],
'060': [("I announce with sadness", "wife and family.", "Hage Geingob")],
'065': [],
'070': [("No one should take", "low impact.", "John Bel Edwards")],
'075': [],
'080': [("Once I managed", "of the work,", "Franky Zapata"),
        ("It's an isometric exercise", "quite hard.", "Franky Zapata"),
        ("We made a machine", "it's crazy.", "Franky Zapata")],
'085': [("Even though the weather", "large-scale protests.", "Wong")],
'090': [],
'095': [("We expect that this number", "will increase", "Hubert Minnis"),
        ("Parts of Abaco are decimated", "and infrastructure", "Hubert Minnis"),
        ("The southern aspect of Abaco", "looks like a lake.", "Hubert Minnis")],
'100': [],
'105': [("This is the first potentially", "there is water,", "Angelos Tsiaras"),
        ("It's the best candidate", "right now.", "Angelos Tsiaras"),
        ("It's a good sign", "It's a good sign", "Ryan Cloutier"),
        ("Overall,", "Overall,", "Ryan Cloutier"),
        ("the presence of water in its", "say for sure.", "Ryan Cloutier")],
'110': [],
'115': [("This Court has already", "all 11 Justices.", "Supreme Court of the United Kingdom"),
        ("In our view,", "Majesty’s courts.", "High Court of England and Wales"),
        ("cautiously optimistic", "cautiously optimistic", "Boris Johnson")],
'120': [("It happened under my watch. I get", "under my watch.", "Mohammad bin Salman"),
        ("political maneuver.", "political maneuver.", "Hatice Cengiz"),
        ("By confessing this", "in this crime.", "Hatice Cengiz"),
        ("His fellow journalists", "That is so sad", "Hatice Cengiz"),
        ("What is so sad for me", "What is so sad for me", "Hatice Cengiz"),
        ("is not seeing the punishment", "on my side.", "Hatice Cengiz"),
        ("True justice takes time", "we live in,", "Agnès Callamard"),
        ("patient and resilient.", "patient and resilient.", "Agnès Callamard")],
'125': [("The police officers' lives", "at the attacker.", "Yolanda Yu Hoi-kwan")],
'130': [("corrupt oaf", "corrupt oaf", None),
        ("lousy traitor", "lousy traitor", None),
        ("If there's a court order", "variations of it", "Steve Peers"),
        ("[t]here's no harmonised", "law internationally", "Steve Peers"),
        ("a single EU country", "global speech rules.", "Jennifer Daskal"),
        ("This judgment raises", "particular country", "Facebook"),
        ("It undermines the long-standing", "on another country", "Facebook")],
'135': [("Both these prizes", "in the Universe", "Ulf Danielsson"),
        ("The first one, tracing", "in the Universe?'\u2009", "Ulf Danielsson")],
'140': [("Warm water circulation", "most vulnerable points,", "Karen Alley"),
        ("These effects matter", "We need to.", "Karen Alley"),
        ("Now we're seeing a new process", "shelf from below,", "Ted Scambos"),
        ("Like scoring a plate", "into the ocean.", "Ted Scambos")],
'145': [("Children around the world", "terrible crimes deserve.", "Jessie K. Liu"),
        ("Dark web child sex offenders", "as safe as they think they are.", "Nikki Holland")],
'150': [("We wanted to find out", "food chain to humans", "David Livermore"),
        ("[T]he strains of resistant", "bloodstream infections", "David Livermore"),
        ("[...] Rather", "going to the toilet.", "David Livermore"),
        ("If we can reduce the number", "really required.", "Ash Soni")],
'155': [("Hell yes", "your AR-15.", "Beto O'Rourke")],
'160': [("Our team", "Our team", "Tak-Sing Wong"),
        ("has developed a robust", "self-cleaning[.]", "Tak-Sing Wong"),
        ("When we put that coating", "[the coated surface.]", "Jing Wang"),
        ("As a researcher in an academic", "excited to contribute.", "Tak-Sing Wong")],
'165': [("for better or for worse", "events of the year", "Time")],
'170': [("nappy headed hos.", "nappy headed hos.", "Don Imus"),
        ("Don loved and adored", "second son", None),
        ("He was a rebel", "You’ve earned it.", "Rob Bartlett"),
        ("I-Man. We salute you.", "RIP #Imus", "The Bernie and Sid Show")],
}
SEED = '../shared/corpus/seed/al-nusrah-interview.txt'
SEEDG = [("We are only here", "Hezbollah and others.", "Abu Mohammed al-Julani", "unclosed"),
         ("Al-Nusra Front doesn’t", "here in Syria.", "Abu Mohammed al-Julani")]
MARKS = '"“”'
def extract(src, s, e, used):
    pos = 0
    while True:
        i = src.find(s, pos)
        assert i >= 0, (s,)
        j = src.find(e, max(i, i + len(s) - len(e)))
        assert j >= 0, (e,)
        text = src[i:j+len(e)]
        ok_open = src[i-1] in MARKS
        if ok_open and (i, j) not in used:
            used.add((i, j)); return text, src[j+len(e)] if j+len(e) < len(src) else '\n'
        pos = i + 1
out = {"selection": "every 5th file by name in corpus/wikinews-2019 (000, 005, ..., 170), plus the seed reference article",
       "articles": []}
files = sorted(f for f in os.listdir(C) if f[:3].isdigit())
for f in files:
    if f[:3] not in G: continue
    src = open(C + f, encoding='utf-8').read()
    used = set(); qs = []
    for s, e, sp in G[f[:3]]:
        t, after = extract(src, s, e, used)
        assert after in MARKS, (f, t, after)
        qs.append({"text": t, "speaker": sp})
    out["articles"].append({"file": "wikinews-2019/" + f, "quotes": qs})
src = open(SEED, encoding='utf-8').read(); used = set(); qs = []
for s, e, sp, *fl in SEEDG:
    t, after = extract(src, s, e, used)
    q = {"text": t, "speaker": sp}
    if fl: q["flags"] = fl; assert after == '\n'
    else: assert after in MARKS
    qs.append(q)
out["articles"].append({"file": "seed/al-nusrah-interview.txt", "quotes": qs})
assert len(out["articles"]) == 36, len(out["articles"])
json.dump(out, open('Tests/Fixtures/quotes-gold.json', 'w'), ensure_ascii=False, indent=1)
print(sum(len(a["quotes"]) for a in out["articles"]), "quotes in", len(out["articles"]), "articles")
