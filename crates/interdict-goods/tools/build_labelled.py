#!/usr/bin/env python3
"""Writes testdata/labelled_goods.csv.

Each item is labelled BY HAND with its true HS 2022 heading and what it is
(category, luxury or not). The expected verdicts are then derived from the
legal rules as summarised in data/controls/README.md by `expected()` below,
which never calls the classifier. Jurisdictions whose bundled rules do not
cover a line's date or subject are left empty (not scored)."""
import csv, sys
from datetime import date

def d(s):
    if not s: return None
    p = [int(x) for x in s.split('-')]
    while len(p) < 3: p.append(1)
    return date(*p)

# ------------------------------------------------------------------ legal logic
UNQUAL = {"purebred_horses","caviar","truffles","pearls","gems","jewellery","precious_metal_articles","coins_stamps","art","antiques","sports_equipment","gaming"}
QUAL = {"vehicle_luxury","racing_car","yacht","pwc","watch","spirits","wine","tobacco","cosmetics","perfume","fur","handbag","designer_apparel","crystal","carpet","tableware","musical_instrument","electronics_luxury","video_games"}
LUX_UN = {"vehicle_luxury","racing_car","yacht","pwc","watch","jewellery","gems","pearls","precious_metal_articles","spirits","wine","tobacco","cosmetics","perfume","fur","handbag","designer_apparel","crystal","art","antiques","sports_equipment","musical_instrument","electronics_luxury","caviar","truffles","purebred_horses","gaming","coins_stamps"}
UN_IMPORT = ["2701","2601","7201","7203","7206","7207","2607","7801","03","1604","1605"] + [f"{c:02d}" for c in range(50,64)] + ["07","08","12","84","85","25","44","89","74","75","7106","79","9703","7108","2614","2615","2805","2846"]
EU_IMPORT = [f"{c:02d}" for c in range(50,64)] + ["89","07","08","12","84","85","25","44","03","1604","1605","2607","78","7108","2614","2615","2805","2846","2701","2601","7201","7203","7206","7207","74","75","7106","79","9703"]
def covered(h, prefixes): return any(h.startswith(p) for p in prefixes)
def ch(h): return int(h[:2])
def on(dt, start): return dt is None or dt >= d(start)

def expected(item, dest, origin, dt, unit_usd):
    h, cat, lux = item["h"], item["cat"], item["lux"]
    exp_, imp = dest == "kp", origin == "kp"
    out = {}
    if not exp_ and not imp:
        return {j: "not_controlled" for j in ["UN","EU","UK","US","JP","KR"]}
    # ---- UN
    if exp_:
        s = "not_controlled"
        # UNSCR 2397 op. 4/5: supply only within the annual cap, notified
        # to the 1718 Committee: an authorisation, not a ban.
        if cat in ("petroleum_crude", "petroleum_refined"): s = "licence_required"
        if cat == "condensate": s = "prohibited"
        if ch(h) == 93 and on(dt, "2016-03-02"): s = "prohibited"  # UN arms embargo (1718, 1874, 2270)
        if 72 <= ch(h) <= 89 and on(dt, "2017-12-22"): s = "prohibited"
        if cat in ("vessel","yacht","pwc","helicopter") and on(dt, "2016-11-30"): s = "prohibited"
        if cat in LUX_UN and lux and on(dt, "2006-10-14"): s = "prohibited"
        if cat == "sports_equipment" and on(dt, "2016-03-02"): s = "prohibited"
        if cat == "crystal" and lux and on(dt, "2016-03-02"): s = "prohibited"
        for c, floor, start in (("carpet", 500, "2016-11-30"), ("tableware", 100, "2016-11-30"), ("snowmobile", 2000, "2016-03-02")):
            if cat == c and s != "prohibited" and on(dt, start):
                s = "unknown" if unit_usd is None else ("prohibited" if unit_usd > floor else s)
        out["UN"] = s
    else:
        out["UN"] = "prohibited" if covered(h, UN_IMPORT) else "not_controlled"
    # ---- EU (bundled EU rows date from 2017; earlier lines are not scored)
    if dt is None or dt >= d("2018-03-01"):
        s = "not_controlled"
        lux_hit = (cat in UNQUAL) or (cat in QUAL and lux) or (cat == "beer" and lux)
        if exp_:
            if cat in ("petroleum_crude", "petroleum_refined"): s = "licence_required"
            if cat == "condensate": s = "prohibited"
            if 72 <= ch(h) <= 89 or ch(h) == 93 or cat in ("vessel","yacht","pwc","helicopter") or lux_hit: s = "prohibited"
        else:
            if covered(h, EU_IMPORT) or lux_hit: s = "prohibited"
        out["EU"] = s
    # ---- UK (SI 2019/411 in force from 2020-12-31; petroleum caps not bundled)
    if (dt is None or dt >= d("2021-01-01")) and cat not in ("petroleum_crude","petroleum_refined","condensate"):
        s = "not_controlled"
        if exp_:
            if 72 <= ch(h) <= 89 or cat in UNQUAL or (cat in QUAL and lux) or ch(h) == 93: s = "prohibited"
        else:
            if covered(h, UN_IMPORT) or ch(h) == 93: s = "prohibited"
        out["UK"] = s
    # ---- US
    if exp_:
        # E.O. 13722 bars all exports; food, medicine and medical devices
        # need OFAC authorisation (31 CFR 510 general licences, 89 FR 12233);
        # books are informational materials (50 U.S.C. 1702(b)(3)).
        if on(dt, "2016-03-15"):
            out["US"] = {"food": "licence_required", "seafood": "licence_required", "medicine": "licence_required",
                         "caviar": "licence_required", "truffles": "licence_required",
                         "medical_supplies": "licence_required", "books": "not_controlled"}.get(cat, "prohibited")
        elif on(dt, "2007-01-26"): out["US"] = "not_controlled" if cat in ("food","medicine") else "licence_required"
    else:
        if on(dt, "2011-04-19"): out["US"] = "prohibited"
    # ---- JP
    if exp_ and on(dt, "2009-06-16"): out["JP"] = "prohibited"
    if imp and on(dt, "2006-10-11"): out["JP"] = "prohibited"
    # ---- KR
    if on(dt, "2010-05-24"): out["KR"] = "prohibited"
    return out

# ------------------------------------------------------------------ items
def I(desc, h, cat, lux=False, **kw):
    return dict(desc=desc, h=h, cat=cat, lux=lux, **kw)

VEHICLES = [
    I("Aurus Senat armoured limousine", "8703", "vehicle_luxury", True, seed=True),
    I("Mercedes-Maybach S600 Guard armoured saloon", "8703", "vehicle_luxury", True, seed=True),
    I("Mercedes-Maybach S 650 Pullman", "8703", "vehicle_luxury", True),
    I("Lexus LX 570 sport utility vehicle, model year 2019", "8703", "vehicle_luxury", True, seed=True),
    I("Lexus LX600 VIP, 4 seats", "8703", "vehicle_luxury", True),
    I("Rolls-Royce Phantom VIII extended wheelbase", "8703", "vehicle_luxury", True, seed=True),
    I("Rolls-Royce Ghost Black Badge sedan", "8703", "vehicle_luxury", True, seed=True),
    I("Rolls-Royce Cullinan SUV", "8703", "vehicle_luxury", True),
    I("Bentley Mulsanne limousine", "8703", "vehicle_luxury", True),
    I("Bentley Bentayga V8 hybrid", "8703", "vehicle_luxury", True),
    I("Toyota Land Cruiser 300 GR Sport", "8703", "vehicle_luxury", True),
    I("Mercedes-Benz S 580 4MATIC long", "8703", "vehicle_luxury", True),
    I("Mercedes-Benz G 63 AMG off-roader", "8703", "vehicle_luxury", True),
    I("Range Rover Sentinel armoured SUV", "8703", "vehicle_luxury", True),
    I("Cadillac Escalade ESV Platinum", "8703", "vehicle_luxury", True),
    I("Porsche Cayenne Turbo GT", "8703", "vehicle_luxury", True),
    I("Ferrari 812 Superfast sports car", "8703", "vehicle_luxury", True),
    I("Formula racing car, single seater", "8703", "racing_car", True),
    I("Toyota Corolla 1.6 sedan", "8703", "car", False),
    I("Hyundai Sonata passenger car, used", "8703", "car", False),
    I("Lada Niva 4x4 passenger vehicle", "8703", "car", False),
    I("Used passenger cars, assorted makes", "8703", "car", False),
    I("Yutong city bus, 12 m, diesel", "8702", "bus", False),
    I("Minibus, 15 seats", "8702", "bus", False),
    I("KAMAZ 6520 dump truck", "8704", "truck", False),
    I("Cargo trucks, 10 t payload", "8704", "truck", False),
    I("Sinotruk HOWO tractor unit for semi-trailers", "8701", "tractor", False),
    I("Agricultural tractor 80 hp", "8701", "tractor", False),
    I("Fire truck with ladder", "8705", "special_vehicle", False),
    I("Brake pads for Toyota Land Cruiser", "8708", "vehicle_parts", False),
    I("Spare parts for Mercedes-Benz S-Class", "8708", "vehicle_parts", False),
    I("Car parts: bumpers and gearboxes", "8708", "vehicle_parts", False),
    I("Tyres for passenger cars 225/60R17", "4011", "tyres", False),
    I("Harley-Davidson motorcycle Road King", "8711", "motorcycle", True),
    I("Motorcycles 125cc", "8711", "motorcycle", False),
    I("Mountain bicycles", "8712", "bicycle", False),
    I("Golf cart, electric, 4 seats", "8703", "golf_cart", False),
    I("Flatbed semi-trailer", "8716", "trailer", False),
    I("Electric locomotive", "8601", "railway", False),
    I("Railway freight wagons", "8606", "railway", False),
    I("Business jet Gulfstream G650", "8802", "aircraft", False),
    I("Helicopter Robinson R44", "8802", "helicopter", False),
    I("Quadcopter drone DJI Mavic 3", "8806", "drone", False),
    I("Aircraft spare parts, landing gear", "8807", "aircraft_parts", False),
    I("Motor yacht Sunseeker 76", "8903", "yacht", True),
    I("Sailing yacht, 15 m", "8903", "yacht", True),
    I("Personal watercraft Sea-Doo GTX 300", "8903", "pwc", True),
    I("Kawasaki Jet Ski Ultra 310", "8903", "pwc", True),
    I("Fishing trawler, used", "8902", "vessel", False),
    I("Bulk carrier vessel 30,000 dwt", "8901", "vessel", False),
    I("Plastic kayaks", "8903", "vessel", False),
]
LUXURY = [
    I("Rolex Submariner wristwatch", "9102", "watch", True),
    I("Swiss watches Omega Seamaster", "9102", "watch", True, seed=True),
    I("Patek Philippe Nautilus watch", "9102", "watch", True),
    I("Gold wristwatch, 18k case", "9101", "watch", True),
    I("Casio digital watches, plastic", "9102", "watch", False),
    I("Wall clocks, quartz", "9105", "clock", False),
    I("Diamond necklace, 18k gold", "7113", "jewellery", True),
    I("Loose polished diamonds", "7102", "gems", True),
    I("Cultured pearls, strands", "7101", "pearls", True),
    I("Sapphire and ruby gemstones", "7103", "gems", True),
    I("Tiffany silver bracelet", "7113", "jewellery", True),
    I("Costume jewellery, base metal", "7117", "imitation_jewellery", False),
    I("Vodka Beluga Noble 0.7 l", "2208", "spirits", True, seed=True),
    I("Russian Standard vodka, 12 x 1 l", "2208", "spirits", True, seed=True),
    I("Hennessy XO cognac", "2208", "spirits", True),
    I("Johnnie Walker Blue Label whisky", "2208", "spirits", True),
    I("Macallan 18 single malt", "2208", "spirits", True),
    I("Kweichow Moutai baijiu", "2208", "spirits", True),
    I("Champagne Dom Perignon 2012", "2204", "wine", True),
    I("Red wine, Bordeaux", "2204", "wine", True),
    I("Sake, Japanese rice wine", "2206", "wine", True),
    I("Heineken beer in cans", "2203", "beer", False),
    I("Cohiba cigars", "2402", "tobacco", True),
    I("Marlboro cigarettes", "2402", "tobacco", True),
    I("Cosmetics: lipstick and mascara, Chanel", "3304", "cosmetics", True, seed=True),
    I("Estee Lauder skin care creams", "3304", "cosmetics", True),
    I("Sulwhasoo cosmetics gift set", "3304", "cosmetics", True),
    I("Shiseido face cream", "3304", "cosmetics", True),
    I("Perfume Chanel No 5 eau de parfum", "3303", "perfume", True),
    I("Dior Sauvage eau de toilette", "3303", "perfume", True),
    I("Toilet soap, bars", "3401", "soap", False),
    I("Shampoo, 500 ml bottles", "3305", "hair_care", False),
    I("Mink fur coats, ladies", "4303", "fur", True, seed=True),
    I("Sable fur coat", "4303", "fur", True),
    I("Fox fur jackets", "4303", "fur", True),
    I("Faux fur coats, polyester", "4304", "artificial_fur", False),
    I("Louis Vuitton handbags", "4202", "handbag", True),
    I("Hermes Birkin bag", "4202", "handbag", True),
    I("Gucci leather handbag", "4202", "handbag", True),
    I("Travel suitcases, polyester, unbranded", "4202", "handbag", False),
    I("Giorgio Armani men's suits", "6203", "designer_apparel", True),
    I("Moncler down jackets", "6201", "designer_apparel", True),
    I("Plain cotton T-shirts", "6109", "apparel", False),
    I("Leather shoes, men's", "6403", "footwear", False),
    I("Lead crystal glasses Baccarat", "7013", "crystal", True),
    I("Oil painting on canvas", "9701", "art", True),
    I("Bronze sculpture", "9703", "art", True),
    I("Antique furniture, 18th century", "9706", "antiques", True),
    I("Steinway grand piano", "9201", "musical_instrument", True),
    I("Violins for students", "9202", "musical_instrument", False),
    I("Golf clubs Titleist", "9506", "sports_equipment", True),
    I("Rossignol skis and ski equipment", "9506", "sports_equipment", True),
    I("Scuba diving equipment", "9506", "sports_equipment", False),
    I("Billiard table", "9504", "gaming", False),
    I("Slot machines for casino", "9504", "gaming", False),
    I("PlayStation 5 game consoles", "9504", "video_games", False),
    I("Bang & Olufsen loudspeakers", "8518", "electronics_luxury", True),
    I("Black caviar, sturgeon", "1604", "caviar", True),
    I("Fresh black truffles", "0709", "truffles", True),
    I("Pure-bred Arabian horses for breeding", "0101", "purebred_horses", True),
    I("Collection of rare postage stamps", "9704", "coins_stamps", True),
    I("Rare antique coins, collectors' pieces", "9705", "antiques", True),
]
PRICED = [
    I("Hand-knotted Persian carpet", "5701", "carpet", True, value=8000, cur="USD", qty=1),
    I("Hand-knotted Persian carpet", "5701", "carpet", True, value=300, cur="USD", qty=1),
    I("Machine-made rugs", "5702", "carpet", False, value=2400, cur="USD", qty=20),
    I("Porcelain dinner set, Meissen", "6911", "tableware", True, value=3000, cur="EUR", qty=1),
    I("Plain porcelain mugs", "6911", "tableware", False, value=200, cur="USD", qty=100),
    I("Snowmobile Ski-Doo Summit", "8703", "snowmobile", False, value=15000, cur="USD", qty=1),
]
INDUSTRY = [
    I("CNC lathe machine tool", "8458", "machinery"),
    I("Excavator Komatsu PC200", "8429", "machinery"),
    I("Diesel generator set 500 kVA", "8502", "electrical"),
    I("Centrifugal water pumps", "8413", "machinery"),
    I("Marine diesel engines", "8408", "machinery"),
    I("Industrial robot arm", "8479", "machinery"),
    I("Electric motors 15 kW", "8501", "electrical"),
    I("Power transformers 110 kV", "8504", "electrical"),
    I("Solar panels 400 W", "8541", "electrical"),
    I("Lithium ion batteries", "8507", "electrical"),
    I("Insulated copper cable", "8544", "electrical"),
    I("Integrated circuits, microcontrollers", "8542", "electrical"),
    I("Samsung OLED TV 65 inch", "8528", "electronics"),
    I("iPhone 15 Pro smartphones", "8517", "electronics"),
    I("Laptop computers", "8471", "electronics"),
    I("Household refrigerators", "8418", "appliances"),
    I("Washing machines, front loading", "8450", "appliances"),
    I("Hot rolled steel coils", "7208", "metals"),
    I("Seamless steel pipes", "7304", "metals"),
    I("Rebar, steel reinforcing bars", "7214", "metals"),
    I("Stainless steel sheet", "7219", "metals"),
    I("Steel nails", "7317", "metals"),
    I("Bolts and nuts, steel", "7318", "metals"),
    I("Refined copper cathodes", "7403", "metals"),
    I("Aluminium ingots", "7601", "metals"),
    I("Zinc ingots", "7901", "metals"),
    I("Tungsten powder", "8101", "metals"),
    I("Hand tools: hammers, screwdrivers", "8205", "metals"),
    I("Padlocks, brass", "8301", "metals"),
    I("Stainless steel cookware", "7323", "metals"),
    I("Pig iron", "7201", "metals"),
    I("Ferrosilicon", "7202", "metals"),
    I("Steel scrap", "7204", "metals"),
    I("Nickel cathodes, unwrought nickel", "7502", "metals"),
    I("Refined lead ingots", "7801", "metals"),
    I("Tin ingots", "8001", "metals"),
]
BASIC = [
    I("Rice, milled, 50 kg bags", "1006", "food"),
    I("Wheat flour, humanitarian aid", "1101", "food"),
    I("Infant formula", "1901", "food"),
    I("Soybean oil", "1507", "food"),
    I("White sugar", "1701", "food"),
    I("Frozen chicken", "0207", "food"),
    I("Paracetamol 500 mg tablets", "3004", "medicine"),
    I("Antibiotics, amoxicillin", "3004", "medicine"),
    I("Vaccines", "3002", "medicine"),
    I("Medical syringes", "9018", "medical_supplies"),
    I("Ventilators", "9019", "medical_supplies"),
    I("Urea fertiliser", "3102", "fertiliser"),
    I("Portland cement", "2523", "building"),
    I("Cotton fabric, woven", "5208", "textiles"),
    I("Plywood sheets", "4412", "wood"),
    I("Office furniture", "9403", "furniture"),
    I("Plastic toys", "9503", "toys"),
    I("Scale model car Rolls-Royce Phantom 1:18", "9503", "toys"),
    I("Anthracite coal", "2701", "coal"),
    I("Frozen fish fillets", "0304", "seafood"),
]
PETROLEUM = [
    I("Diesel fuel", "2710", "petroleum_refined"),
    I("Crude oil", "2709", "petroleum_crude"),
    I("Gas condensate", "2709", "condensate"),
]
IMPORTS = [
    I("Anthracite coal", "2701", "coal"),
    I("Iron ore concentrate", "2601", "iron_ore"),
    I("Frozen king crab", "0306", "seafood"),
    I("Men's suits, wool", "6203", "apparel"),
    I("Cotton shirts", "6205", "apparel"),
    I("Zinc ingots", "7901", "metals"),
    I("Gold bars", "7108", "precious_metal"),
    I("Bronze statues", "9703", "art", True),
    I("Pine nuts", "0802", "food"),
    I("Ginseng roots", "1211", "food"),
    I("Magnesite", "2519", "earth_stone"),
    I("Sawn timber", "4407", "wood"),
    I("Electric motors", "8501", "electrical"),
    I("Fishing vessel", "8902", "vessel"),
    I("Rice", "1006", "food"),
    I("Oil paintings", "9701", "art", True),
    I("Cigarettes", "2402", "tobacco", True),
    I("Molybdenum ore", "2613", "ores"),
]
MULTI = [
    I("Автомобиль Аурус Сенат бронированный", "8703", "vehicle_luxury", True),
    I("Легковой автомобиль Лексус LX 570", "8703", "vehicle_luxury", True),
    I("Водка Русский Стандарт 0,7 л", "2208", "spirits", True),
    I("Шубы норковые женские", "4303", "fur", True),
    I("Часы наручные швейцарские Омега", "9102", "watch", True),
    I("Косметика Ланком", "3304", "cosmetics", True),
    I("Запчасти для автомобилей Тойота", "8708", "vehicle_parts"),
    I("Грузовик КАМАЗ самосвал", "8704", "truck"),
    I("Мука пшеничная высший сорт", "1101", "food"),
    I("Лекарственные препараты, антибиотики", "3004", "medicine"),
    I("Стальные трубы", "7306", "metals"),
    I("Яхта моторная", "8903", "yacht", True),
    I("Гидроцикл Си Ду", "8903", "pwc", True),
    I("Духи французские", "3303", "perfume", True),
    I("Коньяк Хеннесси", "2208", "spirits", True),
    I("劳斯莱斯豪华轿车", "8703", "vehicle_luxury", True),
    I("伏特加 0.7升 12瓶", "2208", "spirits", True),
    I("瑞士手表 劳力士", "9102", "watch", True),
    I("貂皮大衣", "4303", "fur", True),
    I("化妆品 雅诗兰黛", "3304", "cosmetics", True),
    I("香水 100毫升", "3303", "perfume", True),
    I("汽车配件", "8708", "vehicle_parts"),
    I("大米 50公斤", "1006", "food"),
    I("钢管", "7306", "metals"),
    I("挖掘机", "8429", "machinery"),
    I("药品 抗生素", "3004", "medicine"),
    I("游艇", "8903", "yacht", True),
    I("笔记本电脑", "8471", "electronics"),
    I("롤스로이스 리무진", "8703", "vehicle_luxury", True),
    I("렉서스 LX 570 승용차", "8703", "vehicle_luxury", True),
    I("보드카 12병", "2208", "spirits", True),
    I("스위스 시계 롤렉스", "9102", "watch", True),
    I("밍크 코트", "4303", "fur", True),
    I("화장품 설화수", "3304", "cosmetics", True),
    I("자동차 부품", "8708", "vehicle_parts"),
    I("쌀 20kg", "1006", "food"),
    I("의약품", "3004", "medicine"),
    I("요트", "8903", "yacht", True),
    I("レクサス LX600 乗用車", "8703", "vehicle_luxury", True),
    I("ウォッカ 750ml", "2208", "spirits", True),
    I("ロレックス 腕時計", "9102", "watch", True),
    I("ミンク 毛皮コート", "4303", "fur", True),
    I("資生堂 化粧品", "3304", "cosmetics", True),
    I("自動車部品", "8708", "vehicle_parts"),
    I("小麦粉", "1101", "food"),
    I("医薬品", "3004", "medicine"),
    I("水上バイク", "8903", "pwc", True),
    I("ピアノ", "9201", "musical_instrument"),
]
MULTI_IMPORTS = [
    I("Уголь антрацит", "2701", "coal"),
    I("煤炭", "2701", "coal"),
    I("冻鱼", "0303", "seafood"),
    I("석탄", "2701", "coal"),
]
DECLARED = [
    I("Rolls-Royce Phantom limousine", "8703", "vehicle_luxury", True, hs="8708.29"),
    I("Mercedes-Maybach S650 Guard armoured limousine", "8703", "vehicle_luxury", True, hs="8708.99"),
    I("Lexus LX 570", "8703", "vehicle_luxury", True, hs="8704.21"),
    I("Rolex watches", "9102", "watch", True, hs="9113.20"),
    I("Vodka", "2208", "spirits", True, hs="2202.99"),
    I("Mink coats", "4303", "fur", True, hs="6202.40"),
    I("Rolls-Royce Phantom declared as BMW X5", "8703", "vehicle_luxury", True, hs="8703.23"),
    I("Toyota Land Cruiser 200", "8703", "vehicle_luxury", True, hs="8703.23"),
    I("Steel pipes", "7306", "metals", hs="7306.30"),
    I("Whisky", "2208", "spirits", True, hs="2208.30"),
    I("Toyota Land Cruiser, national tariff line", "8703", "vehicle_luxury", True, hs="8703.24.90.90"),
    I("Motor yacht", "8903", "yacht", True, hs="8903.92", date="2019-05-01"),
    I("Quadcopter drone", "8806", "drone", hs="8802.20", date="2020-03-01"),
    I("Aircraft parts", "8807", "aircraft_parts", hs="8803.30", date="2019-07-01"),
    I("General cargo as per invoice", "8703", "car", hs="870323"),
    I("Goods as per packing list", "2208", "spirits", True, hs="2208.60"),
    I("Consolidated cargo", "7208", "metals", hs="7208.51"),
    I("Consolidated cargo", "1006", "food", hs="1006.30"),
]
OLD = [
    (I("Toyota Corolla 1.6 sedan", "8703", "car"), "2016-05-10"),
    (I("Rolls-Royce Phantom sedan", "8703", "vehicle_luxury", True), "2012-01-15"),
    (I("Seamless steel pipes", "7304", "metals"), "2015-06-01"),
    (I("Wheat flour", "1101", "food"), "2015-06-01"),
    (I("Snowmobile", "8703", "snowmobile", value=1500, cur="USD", qty=1), "2016-06-01"),
    (I("Snowmobile Ski-Doo", "8703", "snowmobile", value=24000, cur="USD", qty=2), "2016-06-01"),
    (I("Snowmobiles", "8703", "snowmobile"), "2016-06-01"),
    (I("Used fishing boat", "8902", "vessel"), "2015-03-01"),
    (I("Excavator", "8429", "machinery"), "2017-06-01"),
    (I("Excavator", "8429", "machinery"), "2018-01-10"),
    (I("Mink fur coats", "4303", "fur", True), "2008-02-01"),
    (I("Hand-knotted carpet", "5701", "carpet", True), "2017-01-10"),
    (I("Paracetamol tablets", "3004", "medicine"), "2008-03-01"),
    (I("Laptop computers", "8471", "electronics"), "2008-03-01"),
]
rows = []
def add(item, dest, origin="", dt="", note=""):
    unit = None
    value, cur, qty = item.get("value"), item.get("cur"), item.get("qty")
    rates = {"USD": 1.0, "EUR": 1.0813}
    if value is not None:
        unit = value / (qty or 1) * rates[cur]
    exp = expected(item, dest, origin, d(dt), unit)
    rows.append(dict(id=f"g{len(rows)+1:03d}", description=item["desc"], hs=item.get("hs", ""),
                     value="" if value is None else value, currency=cur or "", quantity="" if qty is None else qty,
                     destination=dest, origin=origin, date=dt, expected_heading=item["h"],
                     UN=exp.get("UN", ""), EU=exp.get("EU", ""), UK=exp.get("UK", ""), US=exp.get("US", ""),
                     JP=exp.get("JP", ""), KR=exp.get("KR", ""), note=note))
others = ["cn", "ru", "ae", "de", "sg", "fr", "us", "jp"]
for i, it in enumerate(VEHICLES + LUXURY + INDUSTRY + BASIC + PETROLEUM + PRICED):
    add(it, "kp", dt="2024-03-01" if i % 2 == 0 else "", note="seed" if it.get("seed") else "")
for i, it in enumerate(VEHICLES[::3] + LUXURY[::3] + INDUSTRY[::5]):
    add(it, others[i % len(others)], origin="", dt="2024-03-01", note="other destination")
for i, it in enumerate(IMPORTS + MULTI_IMPORTS):
    add(it, ["cn", "ru", "de", "sg"][i % 4], origin="kp", dt="2023-09-01", note="import from kp")
for i, it in enumerate(MULTI):
    add(it, "kp", dt="2024-03-01", note="multilingual")
for it in DECLARED:
    add(it, "kp", dt=it.get("date", "2024-03-01"), note="declared hs")
for it, dt in OLD:
    add(it, "kp", dt=dt, note="dated")
cols = ["id","description","hs","value","currency","quantity","destination","origin","date","expected_heading","UN","EU","UK","US","JP","KR","note"]
w = csv.DictWriter(open(sys.argv[1], "w", encoding="utf-8", newline=""), fieldnames=cols, lineterminator="\n")
w.writeheader(); w.writerows(rows)
print(len(rows), "lines")
