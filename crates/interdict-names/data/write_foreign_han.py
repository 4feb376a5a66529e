#!/usr/bin/env python3
"""Writes foreign_han.tsv: the Chinese characters of the Xinhua transcription
tables and the Latin sounds each stands for.

Source: the transcription tables of the Xinhua News Agency's proper-names
office (新华社译名室), printed as the appendices of 《世界人名翻译大辞典》
(中国对外翻译出版公司, 1993) and, for place names, in the national standard
GB/T 17693 (外语地名汉字译写导则): part 1 English (英汉译音表), part 4
Russian (俄汉译音表), part 5 Arabic (阿汉译音表). Each table gives, for a
consonant row and a vowel column of the source language, the character
used; this script inverts the Russian table (the densest) and adds the
characters the English and Arabic tables use for sounds Russian lacks. The
Latin values are written as BGN/PCGN spells the Russian sounds (kh, zh, ts,
ch, sh, shch; y for й and ы), since the lists spell Russian names that way.

Row notation below: consonant + {vowel: character}; a character may stand
for several rows (里 is ри and ли-after-consonant; 夫 is в and ф).
"""

RU_ROWS = {
    # consonant alone (no vowel), then the vowel columns a e i o u y ya yu
    "":   {"a": "阿", "e": "埃叶", "i": "伊", "o": "奥", "u": "乌", "y": "厄", "ya": "亚娅", "yu": "尤", "ye": "叶耶", "yo": "约"},
    "b":  {"": "布", "a": "巴", "e": "别", "i": "比", "o": "博", "u": "布", "y": "贝", "ya": "比亚"},
    "v":  {"": "夫", "a": "瓦娃", "e": "韦", "i": "维", "o": "沃", "u": "武", "y": "维"},
    "g":  {"": "格", "a": "加", "e": "盖", "i": "吉", "o": "戈", "u": "古", "y": "格"},
    "d":  {"": "德", "a": "达", "e": "杰", "i": "季迪", "o": "多", "u": "杜", "y": "德", "ya": "佳", "yu": "久"},
    "zh": {"": "日", "a": "扎", "e": "热", "i": "日", "o": "若", "u": "茹"},
    "z":  {"": "兹", "a": "扎", "e": "泽", "i": "济", "o": "佐", "u": "祖", "y": "济", "ya": "贾"},
    "k":  {"": "克", "a": "卡", "e": "克", "i": "基", "o": "科", "u": "库", "y": "克"},
    "l":  {"": "尔", "a": "拉", "e": "列", "i": "利里", "o": "洛", "u": "卢", "y": "雷", "ya": "利亚", "yu": "柳"},
    "m":  {"": "姆", "a": "马", "e": "梅", "i": "米", "o": "莫", "u": "穆", "y": "梅", "yu": "缪"},
    "n":  {"": "恩", "a": "纳娜", "e": "涅", "i": "尼", "o": "诺", "u": "努", "y": "内", "yu": "纽"},
    "p":  {"": "普", "a": "帕", "e": "佩", "i": "皮", "o": "波", "u": "普", "y": "佩"},
    "r":  {"": "尔", "a": "拉", "e": "列", "i": "里", "o": "罗", "u": "鲁", "y": "雷", "yu": "留"},
    "s":  {"": "斯", "a": "萨", "e": "谢", "i": "西", "o": "索", "u": "苏", "y": "瑟", "yu": "休"},
    "t":  {"": "特", "a": "塔", "e": "捷", "i": "季", "o": "托", "u": "图", "y": "特", "ya": "佳", "yu": "秋"},
    "f":  {"": "夫", "a": "法", "e": "费", "i": "菲", "o": "福", "u": "富", "y": "菲"},
    "kh": {"": "赫", "a": "哈", "e": "赫", "i": "希", "o": "霍", "u": "胡", "y": "赫"},
    "ts": {"": "茨", "a": "察", "e": "采", "i": "齐", "o": "措", "u": "楚", "y": "齐"},
    "ch": {"": "奇", "a": "恰", "e": "切", "i": "奇", "o": "乔", "u": "丘"},
    "sh": {"": "什", "a": "沙", "e": "舍", "i": "希", "o": "绍", "u": "舒"},
    "shch": {"": "希", "a": "夏", "e": "谢", "i": "希", "o": "晓", "u": "休"},
    "y":  {"": "伊"},
}
# -an, -en, -in, -on, -un columns of the Russian table (nasal finals).
RU_NASAL = {
    "b": {"an": "班", "en": "本", "in": "宾", "on": "邦", "un": "本"},
    "v": {"an": "万", "en": "文", "in": "温", "on": "冯"},
    "g": {"an": "甘", "en": "根", "in": "金", "on": "贡", "un": "贡"},
    "d": {"an": "丹", "en": "坚", "in": "京", "on": "东", "un": "东"},
    "zh": {"an": "让", "en": "任", "in": "任", "on": "容"},
    "z": {"an": "赞", "en": "津", "in": "津", "on": "宗"},
    "k": {"an": "坎", "en": "肯", "in": "金", "on": "孔", "un": "昆"},
    "l": {"an": "兰", "en": "连", "in": "林", "on": "隆", "un": "伦"},
    "m": {"an": "曼", "en": "缅", "in": "明", "on": "蒙", "un": "蒙"},
    "n": {"an": "南", "en": "年", "in": "宁", "on": "农"},
    "p": {"an": "潘", "en": "片", "in": "平", "on": "蓬"},
    "r": {"an": "兰", "en": "连", "in": "林", "on": "龙", "un": "伦"},
    "s": {"an": "桑", "en": "先", "in": "辛", "on": "松"},
    "t": {"an": "坦", "en": "坚", "in": "京", "on": "通"},
    "f": {"an": "凡", "en": "芬", "in": "芬", "on": "丰"},
    "kh": {"an": "汉", "en": "欣", "in": "欣", "on": "洪"},
    "ts": {"an": "灿", "en": "岑", "in": "钦"},
    "ch": {"an": "钱", "en": "琴", "in": "钦", "on": "琼"},
    "sh": {"an": "尚", "en": "申", "in": "申", "on": "雄"},
    "": {"an": "安", "en": "延", "in": "因", "on": "翁", "yan": "扬"},
}
# Characters of the English and Arabic tables for sounds or spellings the
# Russian rows above do not give (English ai/ei/ou, Arabic q, w, dh...),
# and the fixed endings both tables write as one unit.
EXTRA = {
    "弗": "v f fu", "甫": "v f p fu", "历": "li", "山": "shan san", "大": "da", "义": "i yi", "根": "gen",
    "莱": "lai lei ley rai ray", "拜": "bai bay", "贝": "be bey bai", "戴": "dai day de",
    "凯": "kai kay ke", "赛": "sai say sei", "泰": "tai tay", "海": "hai hay khai",
    "迈": "mai may", "麦": "mai may mac mc", "兰": "lan ran lyn", "丽": "li ly lee",
    "莉": "li ly lee", "琳": "lin lyn", "娜": "na", "娅": "ya ia", "亚": "ya ia iya", "雅": "ya",
    "耶": "ye ie e yeh", "叶": "ye e ie ev", "约": "yo jo io", "尤": "yu yo iu ju",
    "本": "ben bin ibn", "登": "den", "拉": "la ra lah llah", "赫": "kh h kha khe he ha",
    "哈": "kha ha ḥa", "侯": "hou", "胡": "khu hu hou", "穆": "mu mou mo", "罕": "khan han",
    "默": "m mo", "德": "d de dh", "萨": "sa za", "瓦": "va wa", "沃": "vo wo",
    "武": "vu wu", "韦": "ve we wi", "维": "vi wi vy", "伊": "i y ii iy yi", "乌": "u ou oo", "厄": "y e",
    "埃": "e ai a", "艾": "ai ay e ei", "奥": "o au ow", "阿": "a aa ah", "安": "an ann", "因": "in",
    "翁": "on un", "卡": "ka qa ca", "加": "ga ja", "吉": "gi ji", "基": "ki qi di", "齐": "tsi qi zi",
    "扎": "za zha dha", "兹": "z dz", "贾": "ja zya dja", "杰": "de je dzhe", "季": "di ti",
    "迪": "di", "佳": "dya tya ja", "久": "dyu tyu ju", "秋": "tyu chu", "京": "tin din jin",
    "金": "gin kin jin", "津": "zin zen", "任": "zhin zhen zhan", "让": "zhan jean",
    "申": "shen shin", "琴": "chen", "钦": "tsin chin", "钱": "chan", "尚": "shan",
    "雄": "shon", "琼": "chon", "欣": "khin khen hin", "汉": "khan han", "洪": "khon hon",
    "坚": "den ten", "列": "le re ley", "里": "ri li ry", "利": "li ly lli", "雷": "ry ly rei lei",
    "留": "ryu", "柳": "lyu", "米": "mi my", "尼": "ni ny", "西": "si sy", "希": "khi hi shi shchi",
    "什": "sh", "斯": "s", "特": "t ty", "格": "g gy", "克": "k ky ke", "布": "bu b", "普": "pu p",
    "夫": "v f", "姆": "m", "恩": "n", "尔": "r l", "茨": "ts", "奇": "ch chi", "日": "zh zhi",
    "比": "bi by", "皮": "pi py", "菲": "fi fy", "梅": "me my mei", "内": "ne ny", "佩": "pe py",
    "瑟": "sy se", "别": "be bye", "盖": "ge", "涅": "ne", "捷": "te", "谢": "se she shche",
    "费": "fe", "采": "tse", "切": "che", "舍": "she", "热": "zhe", "泽": "ze",
    "马": "ma", "纳": "na", "帕": "pa", "萨": "sa", "塔": "ta", "法": "fa", "察": "tsa",
    "恰": "cha", "沙": "sha", "夏": "shcha sha", "巴": "ba", "达": "da", "戈": "go", "科": "ko",
    "洛": "lo", "莫": "mo", "诺": "no", "波": "po", "罗": "ro", "索": "so", "托": "to", "福": "fo",
    "霍": "kho ho", "措": "tso", "乔": "cho", "绍": "sho", "晓": "shcho", "若": "zho", "佐": "zo",
    "博": "bo", "多": "do", "古": "gu", "杜": "du", "茹": "zhu", "祖": "zu", "库": "ku", "卢": "lu",
    "努": "nu", "鲁": "ru", "苏": "su", "图": "tu", "富": "fu", "楚": "tsu", "丘": "chu",
    "舒": "shu", "休": "syu shchu", "缪": "myu", "纽": "nyu", "文": "ven vin", "冯": "von fon",
    "甘": "gan", "根": "gen", "贡": "gon gun", "丹": "dan", "东": "don dun", "容": "zhon",
    "赞": "zan", "宗": "zon", "坎": "kan", "肯": "ken", "孔": "kon", "昆": "kun", "连": "len ren",
    "林": "lin rin", "隆": "lon", "伦": "lun run len", "曼": "man", "缅": "men", "明": "min",
    "蒙": "mon mun", "南": "nan", "年": "nen", "宁": "nin", "农": "non", "潘": "pan", "片": "pen",
    "平": "pin", "蓬": "pon", "龙": "ron", "桑": "san", "先": "sen", "辛": "sin", "松": "son",
    "坦": "tan", "通": "ton", "凡": "fan", "芬": "fen fin", "丰": "fon", "灿": "tsan", "岑": "tsen",
    "班": "ban", "宾": "bin", "邦": "bon", "万": "van", "温": "vin ven", "延": "yen en", "扬": "yan",
    # English and Arabic rows
    "鲍": "bo bao bow", "道": "dow dou", "高": "gow", "考": "kow", "劳": "low", "毛": "mau mow",
    "诺": "no", "特": "t", "汤": "tom tan", "森": "son sen", "逊": "son", "顿": "ton don",
    "利": "li ly", "杨": "yan", "曾": "zen", "泽": "ze", "怀": "wai", "威": "wi we", "温": "win",
    "沃": "wo", "伍": "wu", "西": "si", "辛": "sin", "哈": "ha", "侯": "hou", "穆": "mu",
    "拉": "la", "赛": "sai", "易": "i", "卜": "b", "欣": "khin hin", "塞": "sa se", "希": "hi",
    "鲁": "ru", "莱": "lai", "曼": "man", "杜": "du", "吉": "gi ji", "亚": "ya", "贾": "ja",
    "蒂": "ti di", "丁": "din", "卡": "ka qa", "纳": "na", "舍": "she", "尤": "yu", "萨": "sa",
    "马": "ma", "苏": "su", "达": "da", "迪": "di", "格": "g", "巴": "ba",
}
# The English table's characters for women's names: its note says (娅),
# (玛), (琳), (娜), (丽), (莉), (莎), (黛), (丝) and (妮) are used for female
# names, printed in brackets beside the cell's usual character (斯 s / 丝,
# 马 ma / 玛, 尼 ni / 妮, 沙 sha / 莎, 雷 lei / 蕾, 罗 lo / 萝). Those the
# rows above lack, with their cells' values, and the r reading of 丽.
FEMALE = {
    "丝": "s si", "玛": "ma", "妮": "ni ny", "莎": "sha sa", "黛": "dai de day",
    "蕾": "lei le re", "萝": "lo ro",
    # 丽 stands in the r column (里 ri), 莉 in the l column (利 li).
    "丽": "ri",
}
ENDINGS = {
    # Fixed transcriptions of common name endings in both tables.
    "斯基": "sky skiy ski", "维奇": "vich", "耶维奇": "yevich evich", "诺夫": "nov",
    "耶夫": "yev ev", "娃": "va", "耶娃": "yeva eva", "诺娃": "nova",
}
# Established transcriptions (约定俗成) that the syllable tables do not
# give, as the dictionary above prints them: Alexander / Aleksandr is
# 亚历山大, from the Greek through the old church usage, not the
# Russian table's 阿列克桑德尔.
ESTABLISHED = {
    "亚历山大": "aleksandr alexander aleksander",
}


def main():
    table = {}
    def add(ch, latin):
        for c in ch:
            table.setdefault(c, [])
            for l in latin.split():
                if l not in table[c]:
                    table[c].append(l)
    # EXTRA first: its order puts the most likely value of a character
    # first (普 "pu" before the "p" of clusters).
    for ch, latin in EXTRA.items():
        add(ch, latin)
    for ch, latin in FEMALE.items():
        add(ch, latin)
    for cons, cols in RU_ROWS.items():
        for vowel, chars in cols.items():
            add(chars, cons + vowel if cons + vowel else cons)
    for cons, cols in RU_NASAL.items():
        for vowel, chars in cols.items():
            add(chars, cons + vowel)
    with open("foreign_han.tsv", "w", encoding="utf-8") as f:
        f.write("# Chinese characters of the Xinhua transcription tables and the Latin sounds\n")
        f.write("# each stands for (BGN/PCGN spelling of the Russian sounds). Written by\n")
        f.write("# write_foreign_han.py from the rows of the Russian, English and Arabic\n")
        f.write("# tables (see its docstring for the sources). Simplified forms; the reader\n")
        f.write("# adds their traditional forms (Unihan kTraditionalVariant).\n")
        f.write("# char<TAB>latin values, space-separated\n")
        for c in sorted(table):
            f.write(f"{c}\t{' '.join(table[c])}\n")
        for e, latin in ENDINGS.items():
            f.write(f"{e}\t{latin}\n")
        for e, latin in ESTABLISHED.items():
            f.write(f"{e}\t{latin}\n")


if __name__ == "__main__":
    main()
