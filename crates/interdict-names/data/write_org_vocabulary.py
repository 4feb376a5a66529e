# Writes data/org_vocabulary.tsv: python3 data/write_org_vocabulary.py > data/org_vocabulary.tsv
# concept: (english, traditional, simplified or None, korean list, japanese list or [])
# english: the lists' translation; "a|b" where the dictionary gives both and the lists use both
UN = {
 "朝鮮": "UN list KPe.016 alias 朝鲜联合机械贸易会社 = KOREA RYONHA MACHINERY JOINT VENTURE CORPORATION",
 "機械": "UN list KPe.016 alias 朝鲜联合机械贸易会社 = KOREA RYONHA MACHINERY JOINT VENTURE CORPORATION",
 "會社": "UN list KPe.016 alias 朝鲜联合机械贸易会社 = KOREA RYONHA MACHINERY JOINT VENTURE CORPORATION",
 "技術": "UN list KPe.055 alias 長安海連技術有限公司 = CHANG AN SHIPPING & TECHNOLOGY",
 "船務": "UN list KPe.059 alias 華信船務(香港)有限公司 = HUAXIN SHIPPING HONGKONG LTD",
 "香港": "UN list KPe.059 alias 華信船務(香港)有限公司 = HUAXIN SHIPPING HONGKONG LTD",
 "國際": "UN list KPe.073 alias 沈忠國際海運有限公司 = SHEN ZHONG INTERNATIONAL SHIPPING",
 "海運": "UN list KPe.073 alias 沈忠國際海運有限公司 = SHEN ZHONG INTERNATIONAL SHIPPING",
}
C = [
 ("korea", "朝鮮", "朝鲜", ["조선"], []),
 ("china", "中國", "中国", ["중국"], []),
 ("hongkong", "香港", None, [], []),
 ("international", "國際", "国际", ["국제"], ["国際"]),
 ("trading", "貿易", "贸易", ["무역"], []),
 ("trading", "商貿", "商贸", ["상무"], []),
 ("economy trade", "經貿", "经贸", [], []),
 ("general corporation", "總會社", "总会社", ["총회사"], ["総会社"]),
 ("general corporation", "總公司", "总公司", ["총공사"], []),
 ("company|corporation", "會社", "会社", ["회사"], []),
 ("company", "公司", None, ["공사"], []),
 ("bank", "銀行", "银行", ["은행"], []),
 ("credit", "信用", None, ["신용"], []),
 ("commercial", "商業", "商业", ["상업"], []),
 ("development", "開發", "开发", ["개발"], ["開発"]),
 ("development", "發展", "发展", ["발전"], ["発展"]),
 ("technology", "技術", "技术", ["기술"], []),
 ("shipping", "海運", "海运", ["해운"], []),
 ("shipping", "船務", "船务", ["선무"], []),
 ("machinery|machine", "機械", "机械", ["기계"], []),
 ("joint venture", "合營", "合营", ["합영"], []),
 ("joint venture", "合作", None, ["합작"], []),
 ("general bureau", "總局", "总局", ["총국"], ["総局"]),
 ("committee|commission", "委員會", "委员会", ["위원회"], ["委員会"]),
 ("academy of sciences", "科學院", "科学院", ["과학원"], []),
 ("science", "科學", "科学", ["과학"], []),
 ("natural", "自然", None, ["자연"], []),
 ("research institute", "研究所", None, ["연구소"], []),
 ("research institute", "研究院", None, ["연구원"], []),
 ("university", "大學", "大学", ["대학"], []),
 ("industry", "工業", "工业", ["공업"], []),
 ("industry", "産業", "产业", ["산업"], []),
 ("industrial", "實業", "实业", ["실업"], ["実業"]),
 ("munitions", "軍需", "军需", ["군수"], []),
 ("mining", "鑛業", "矿业", ["광업"], ["鉱業"]),
 ("zinc", "亞鉛", "亚铅", ["아연"], ["亜鉛"]),
 ("insurance", "保險", "保险", ["보험"], ["保険"]),
 ("national", "民族", None, ["민족"], []),
 ("national", "國家", "国家", ["국가"], []),
 ("aerospace", "宇宙", None, ["우주"], []),
 ("air", "航空", None, ["항공"], []),
 ("central", "中央", None, ["중앙"], []),
 ("foreign|external", "對外", "对外", ["대외"], []),
 ("construction", "建設", "建设", ["건설"], []),
 ("guidance", "指導", "指导", ["지도"], []),
 ("reconnaissance", "偵察", "侦察", ["정찰"], []),
 ("atomic energy", "原子力", None, ["원자력"], []),
 ("equipment", "設備", "设备", ["설비"], []),
 ("import", "輸入", "输入", ["수입"], []),
 ("import", "進口", "进口", [], []),
 ("export", "輸出", "输出", ["수출"], []),
 ("export", "出口", None, [], []),
 ("import export", "進出口", "进出口", [], []),
 ("import export", "輸出入", "输出入", ["수출입"], []),
 ("complex|general", "綜合", "综合", ["종합"], ["総合"]),
 ("economic", "經濟", "经济", ["경제"], ["経済"]),
 ("military", "軍事", "军事", ["군사"], []),
 ("workers party", "勞動黨", "劳动党", ["로동당", "노동당"], ["労働党"]),
 ("party", "黨", "党", ["당"], []),
 ("office", "號室", "号室", ["호실"], ["号室"]),
 ("office", "室", None, ["실"], []),
 ("group", "集團", "集团", ["집단"], []),
 ("overseas", "海外", None, ["해외"], []),
 ("enterprise", "企業", "企业", ["기업"], []),
 ("research", "研究", None, ["연구"], []),
 ("electronics", "電子", "电子", ["전자"], []),
 ("petroleum", "石油", None, ["석유"], []),
 ("chemical", "化學", "化学", ["화학"], []),
 ("steel", "鋼鐵", "钢铁", ["강철"], []),
 ("mineral", "鑛物", "矿物", ["광물"], ["鉱物"]),
 ("maritime", "海事", None, ["해사"], []),
 ("management", "管理", None, ["관리"], []),
 ("investment", "投資", "投资", ["투자"], []),
 ("finance", "金融", None, ["금융"], []),
 ("national defense", "國防", "国防", ["국방"], []),
 ("factory", "工場", "工厂", ["공장"], []),
 ("bureau|administration", "局", None, ["국"], []),
 ("department", "部", None, ["부"], []),
 ("ministry", "省", None, ["성"], []),
 ("academy", "院", None, ["원"], []),
 ("company", "社", None, ["사"], []),
]
# Loanwords written in Hangul or katakana, not Sino-Korean.
LOAN = [
 ("hongkong", "홍콩", "Standard Korean Language Dictionary (표준국어대사전): 홍콩 (Hong Kong)"),
 ("group", "그룹", "Standard Korean Language Dictionary (표준국어대사전): 그룹 (group)"),
 ("group", "グループ", "JMdict: グループ (group)"),
 ("company", "カンパニー", "JMdict: カンパニー (company)"),
 ("bank", "バンク", "JMdict: バンク (bank)"),
]
# Senses the concept's first source does not give, each from its own entry.
ALSO = {
 "機械": "; CC-CEDICT 機械 机械 (machine; machinery): 機械 as machine",
 "局": "; CC-CEDICT 国家航天局 (China National Space Administration), 国家海洋局 (State Oceanic Administration): 局 as administration",
 "綜合": "; JMdict 総合商社 (general trading company), 総合病院 (general hospital): 総合 as general",
}
rows = []
def add(w, e, hanja, src, chk):
    rows.append((w, e, hanja, src, chk))
for (en, trad, simp, ko, ja) in C:
    srcs = UN.get(trad)
    chk = "yes" if srcs else "no"
    base = (srcs or f"CC-CEDICT: {trad}" + (f" {simp}" if simp else "") + f" ({en})") + ALSO.get(trad, "")
    add(trad, en, trad, base, chk)
    if simp and simp != trad:
        add(simp, en, trad, base, chk)
    for k in ko:
        # Korean writes 研 as its variant 硏 (U+784F), which carries the kHangul reading.
        kh = trad.replace("研", "硏")
        add(k, en, kh, f"Sino-Korean reading (Unihan kHangul) of {kh} ({en}); Standard Korean Language Dictionary (표준국어대사전): {k}", "no")
    for j in ja:
        add(j, en, trad, f"Japanese shinjitai of {trad}; JMdict: {j} ({en})", "no")
for (en, w, src) in LOAN:
    add(w, en, "", src, "no")
seen = set()
print("# CJK organisation vocabulary: written form <TAB> English <TAB> Hanja (traditional) form it reads <TAB> source <TAB> source checked by a look-up (yes/no)")
print("# Generic words of Korean, Chinese and Japanese organisation names and their English equivalents, as the sanctions lists translate them.")
print("# Korean rows are Sino-Korean readings of the Hanja column (tested against Unihan kHangul in src/cjk_org.rs); see data/PROVENANCE.md.")
for r in rows:
    if r[0] in seen: continue
    seen.add(r[0])
    print("\t".join(r))
