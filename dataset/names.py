"""Fictitious but plausible Chinese names for people, villages and projects.

Every function takes the caller's `random.Random`, so a fixed seed gives
the same names on every run.
"""

from __future__ import annotations

import random

# Surnames common in Zhejiang, roughly the most frequent first (an estimate,
# not a census). The weights fall off with rank, so 陈 comes up far more
# often than 章.
SURNAMES = (
    "陈王张李徐沈胡周孙吴杨黄朱叶施俞马岑方罗劳钱郑姚冯蒋韩孔邵柴史余卢"
    "汪杜谢戚毛袁潘金严宋应章童"
)
_SURNAME_WEIGHTS = [1 / (rank + 4) for rank in range(len(SURNAMES))]

_GIVEN_MALE = "伟强军磊勇杰涛斌峰建国华明俊浩宇鑫海波志刚晨博文辉龙林庆祥忠良"
_GIVEN_FEMALE = "芳娟敏静丽艳燕萍玲霞红梅琳婷雪慧颖佳怡欣悦琴英兰秀凤洁蓉倩"
_GIVEN_EITHER = "一子晓小佳永嘉春秋亚雨立新天思家振宏"


def person_name(rng: random.Random, *, female: bool) -> str:
    """Return a surname plus one or two given-name characters (张伟, 陈晓燕)."""
    surname = rng.choices(SURNAMES, weights=_SURNAME_WEIGHTS)[0]
    pool = _GIVEN_FEMALE if female else _GIVEN_MALE
    if rng.random() < 0.35:
        return surname + rng.choice(pool)
    return surname + rng.choice(_GIVEN_EITHER + pool) + rng.choice(pool)


# Village names in the Cixi plain draw on directions, numbers, water works
# and auspicious words (东潭, 五星, 潮塘, 海晏).
_VILLAGE_FIRST = "东西南北中上下前后新老大小三四五六七八九长高海潮沿湖桥塘宁安兴"
_VILLAGE_SECOND = "潭星塘浦桥河湾埠溪山林港华丰兴联胜光明和乐家庄园晏海洋田墩"


def village_names(rng: random.Random, count: int) -> list[str]:
    """Return `count` distinct names like 东潭村, so each is unique city-wide."""
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < count:
        stem = rng.choice(_VILLAGE_FIRST) + rng.choice(_VILLAGE_SECOND)
        if stem[0] == stem[1] or stem in seen:
            continue
        seen.add(stem)
        names.append(stem + "村")
    return names


def community_name(town_name: str, index: int) -> str:
    """Return an urban community name such as 宗汉街道第2社区."""
    return f"{town_name}第{index}社区"


# Themes per delivery category, named the way local project lists name them.
PROJECT_THEMES = {
    "THEORY": (
        "三北讲坛",
        "党课进百村",
        "理论宣讲轻骑兵",
        "新思想进礼堂",
        "百姓宣讲团",
    ),
    "POLICY": (
        "政策明白人",
        "惠民政策进万家",
        "法律明白人",
        "医保政策讲解",
        "乡村振兴政策",
    ),
    "CULTURE": ("越剧进礼堂", "非遗传承课", "乡村春晚", "农家书屋", "百姓大舞台"),
    "CIVILITY": (
        "垃圾分类督导",
        "文明交通劝导",
        "移风易俗宣传",
        "最美庭院评选",
        "护河行动",
    ),
    "WELLBEING": ("银龄助餐", "助老陪护", "义诊进村", "暑期护学", "困难家庭帮扶"),
}

PROJECT_SUFFIXES = ("志愿服务", "行动", "服务队项目", "计划", "品牌项目")

POSITION_NAMES = (
    "活动引导",
    "秩序维护",
    "签到登记",
    "宣讲主讲",
    "文艺表演",
    "医疗服务",
    "后勤保障",
    "摄影记录",
    "助老陪护",
    "环境清洁",
)

SKILLS = (
    "宣讲",
    "文艺表演",
    "书法",
    "医疗护理",
    "法律咨询",
    "心理辅导",
    "摄影",
    "电脑操作",
    "驾驶",
    "急救",
    "手工",
    "家电维修",
    "外语",
    "体育指导",
)
