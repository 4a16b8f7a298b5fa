"""Data tests on a fresh build of the 2021 decree: the figures the ministry quotes, and the contract."""
from datetime import date

import pandas as pd
import pyarrow.parquet as pq
import pytest

from loaders.files import legend_path
from loaders.regions import CANONICAL_ORDER
from loaders.schema import MEASURES_SCHEMA, check_measures
from tests.conftest import ROOT

ALL_2021_REGIONS = [name for name in CANONICAL_ORDER
                    if name not in ("область Абай", "область Жетісу", "область Ұлытау", "г. Астана")]


@pytest.fixture(scope="module")
def df(fresh_parquet) -> pd.DataFrame:
    return pd.read_parquet(fresh_parquet).set_index("measure_no", drop=False)


def test_measures_numbered_1_to_67(df):
    assert list(df.measure_no) == list(range(1, 68))


@pytest.mark.parametrize(
    ("section", "direction", "numbers"),
    [("I", 1, range(1, 25)), ("I", 2, range(25, 51)), ("I", 3, range(51, 64)), ("II", None, [64]),
     ("III", None, range(65, 68))],
)
def test_sections_and_directions(df, section, direction, numbers):
    rows = df.loc[list(numbers)]
    assert set(rows.section) == {section}
    if direction is None:
        assert rows.direction.isna().all()
    else:
        assert set(rows.direction) == {direction}
    assert len(df[(df.section == section)
                  & ((df.direction == direction) if direction else df.direction.isna())]) == len(list(numbers))


def test_budget_amounts_and_totals(df):
    with_amount = df[df.cost_thousand_kzt.notna()]
    assert len(with_amount) == 15
    assert with_amount.cost_thousand_kzt.sum() == pytest.approx(2_088_000.0)
    by_group = df.groupby(df.direction.fillna(0).astype(int).astype(str) + df.section)["cost_thousand_kzt"].sum()
    assert by_group["1I"] == 0
    assert by_group["2I"] == pytest.approx(1_671_733.0)
    assert by_group["3I"] == pytest.approx(281_141.0)
    assert by_group["0II"] == pytest.approx(135_126.0)
    assert by_group["0III"] == 0


def test_amounts_measure_by_measure(df):
    # Read off the decree's column 6, one by one.
    expected = {27: 32500, 29: 932870, 30: 255418, 41: 12762, 42: 14831, 46: 76395, 48: 173342, 49: 173615,
                52: 25000, 57: 53058, 58: 15467, 60: 127174, 61: 38442, 63: 22000, 64: 135126}
    got = df.cost_thousand_kzt.dropna().to_dict()
    assert got == {k: float(v) for k, v in expected.items()}


def test_report_recipients(df):
    assert df.report_to.value_counts().to_dict() == {"МИОР": 44, "АП": 23}
    assert (df.completion_form == "информация в " + df.report_to).all()


def test_funding_classes(df):
    assert df.funding_class.value_counts().to_dict() == {
        "unspecified": 24, "budget_amount": 15, "not_required": 13, "within_existing_funds": 13, "extrabudgetary": 2,
    }
    assert set(df[df.funding_class == "extrabudgetary"].measure_no) == {26, 43}
    assert df.loc[62, "funding_note"] == "в рамках предусмотренных средств"
    assert df.funding_source.isna().all()  # column 7 names no budget in this decree


HARD_TITLES = {
    6: ('Проведение национального чемпионата "WorldSkills Kazakhs tan", '
        'направленного на популяризацию рабочих профессий'),
    25: 'Проведение общенационального мероприятия "Наурыз шапағаты"',
    29: ("Перевод на казахский язык популярных детских каналов с мультипликацией для увеличения потребляемого детьми "
         "контента на государственном языке"),
    31: ('Открытие "Школ отцов" для пропаганды казахских народных песен и национальных игр во всех '
         'общеобразовательных школах страны'),
    32: ('Организация профориентационных площадок, экскурсий, встреч, дней открытых дверей при производстве '
         '"Один день на производстве"'),
    38: ('Семейный телевизионный видеоконкурс "Бабалар ізімен" среди учащихся и их семей в рамках специального '
         'проекта "Дәстүр мен ғұрып" с привлечением пользователей социальных сетей'),
    45: ('Обеспечение проигрывания традиционной классической казахской музыки и радиостанции "Qazaq Radiosy" в '
         'торговых домах, общественном транспорте и других местах массового скопления людей, также проигрывания '
         'выступлений выдающихся личностей казахского народа в организациях среднего образования и высших учебных '
         'заведениях'),
    59: ('Проведение комплекса мероприятий по повышению правовой грамотности граждан, в том числе по формированию '
         'нулевой терпимости к правонарушениям, в рамках специального проекта "Құқықтық мәдениет" совместно с '
         'республиканским общественным объединением "Объединение депутатов маслихатов Казахстана"'),
    65: 'Организация интервью с победителями проекта "100 новых лиц"',
    12: ('Комплекс мероприятий по реализации проекта "Активное долголетие" 1. увеличение досуговых клубов центров '
         'для пожилых граждан с разными кружками 1. запуск специальных волонтерских и социальных программ с участием '
         'пожилых граждан'),
}


@pytest.mark.parametrize("number", sorted(HARD_TITLES))
def test_hard_titles(df, number):
    assert df.loc[number, "title"] == HARD_TITLES[number]


def test_subpoints_kept(df):
    assert list(df.loc[12, "subpoints"]) == [
        "1. увеличение досуговых клубов центров для пожилых граждан с разными кружками",
        "1. запуск специальных волонтерских и социальных программ с участием пожилых граждан",
    ]
    title64 = df.loc[64, "title"]
    assert title64.count("- ") == 3 and title64.endswith('ответственных за реализацию программы "Рухани жаңғыру"')


def test_kazakh_letters_exactly_as_in_source(df):
    source = (ROOT / "data" / "raw" / "roadmap_2021_decree_50.txt").read_text(encoding="utf-8")
    kazakh = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
    for title in df.title:
        for word in title.split():
            core = word.strip('",;:.()')
            if kazakh & set(core):
                assert core in source.replace("\n", " ") or core.replace(" ", "") in source, core


EXECUTORS = {
    # measure: (ministries, number of akimats, all regions)
    1: ([], 17, True), 2: (["МИОР"], 17, True), 6: (["МОН"], 0, False), 16: (["МТСЗН", "МИОР"], 17, True),
    17: (["МЗ"], 0, False), 19: (["МИОР"], 0, False), 21: ([], 2, False), 31: ([], 17, True), 38: ([], 17, True),
    46: (["МОН", "МКС"], 0, False), 54: (["МЭГПР"], 17, True), 65: (["МИОР"], 17, True), 67: (["МИОР"], 0, False),
}


@pytest.mark.parametrize("number", sorted(EXECUTORS))
def test_executors(df, number):
    ministries, n_akimats, all_regions = EXECUTORS[number]
    row = df.loc[number]
    assert list(row.ministries) == ministries
    assert len(row.akimats) == n_akimats
    assert row.akimats_all_regions == all_regions
    if all_regions:
        assert list(row.akimats) == ALL_2021_REGIONS


def test_two_oblast_akimat(df):
    assert set(df.loc[21, "akimats"]) == {"Западно-Казахстанская область", "Атырауская область"}
    assert df.loc[21, "executors_raw"] == "акиматы Западно-Казахстанской и Атырауской областей"


def test_no_executor_is_lost(df):
    # Every abbreviation printed in column 4 reaches the ministries list.
    for row in df.itertuples():
        for abbreviation in ("МИОР", "МОН", "МЗ", "МТСЗН", "МКС", "МЭГПР"):
            if abbreviation in row.executors_raw.replace(",", " ").split():
                assert abbreviation in row.ministries, (row.measure_no, abbreviation)


DEADLINES = {
    1: ("в течение года", date(2021, 1, 1), date(2021, 12, 31)),
    6: ("ІІ полугодие 2021 года", date(2021, 7, 1), date(2021, 12, 31)),
    20: ("І квартал 2021 года", date(2021, 1, 1), date(2021, 3, 31)),
    23: ("декабрь 2021 года", date(2021, 12, 1), date(2021, 12, 31)),
    25: ("март 2021 года", date(2021, 3, 1), date(2021, 3, 31)),
    51: ("до 15 января 2021 года", date(2021, 1, 1), date(2021, 1, 15)),
}


@pytest.mark.parametrize("number", sorted(DEADLINES))
def test_deadlines(df, number):
    raw, start, end = DEADLINES[number]
    assert (df.loc[number, "deadline_raw"], df.loc[number, "deadline_start"],
            df.loc[number, "deadline_end"]) == (raw, start, end)


def test_other_deadlines_are_the_whole_year(df):
    others = df[~df.measure_no.isin(DEADLINES)]
    assert (others.deadline_raw == "в течение года").all()
    assert (others.deadline_start == date(2021, 1, 1)).all() and (others.deadline_end == date(2021, 12, 31)).all()


def test_provenance_lines(df):
    lines = (ROOT / "data" / "raw" / "roadmap_2021_decree_50.txt").read_text(encoding="utf-8").split("\n")
    for row in df.itertuples():
        assert lines[row.source_line_start - 1].startswith(f"{row.measure_no}.")
        assert row.source_text == "\n".join(lines[row.source_line_start - 1 : row.source_line_end])
    assert (df.loc[31, "source_line_start"], df.loc[31, "source_line_end"]) == (565, 586)
    assert (df.source_line_start.iloc[1:].values > df.source_line_end.iloc[:-1].values).all()


def test_contract(fresh_parquet, df):
    table = pq.read_table(fresh_parquet)
    assert table.schema.remove_metadata().equals(MEASURES_SCHEMA)
    assert check_measures(table, pq.read_table(legend_path(fresh_parquet))) == []
    assert set(df.roadmap_year) == {2021}


def test_legend(fresh_parquet):
    legend = pq.read_table(legend_path(fresh_parquet)).to_pylist()
    kinds = {r["abbreviation"]: r["kind"] for r in legend}
    assert kinds == {"МИОР": "body", "МОН": "body", "МЗ": "body", "МТСЗН": "body", "МБ": "budget", "МКС": "body",
                     "АП": "body", "РБ": "budget", "МЭГПР": "body"}
    names = {r["abbreviation"]: r["full_name"] for r in legend}
    assert names["МЭГПР"] == "Министерство экологии, геологии и природных ресурсов Республики Казахстан"


def test_committed_parquet_equals_a_fresh_build(fresh_parquet):
    committed = ROOT / "data" / "roadmap.parquet"
    assert pq.read_table(committed).equals(pq.read_table(fresh_parquet)), "run `make rebuild-data` and commit"
    assert pq.read_table(legend_path(committed)).equals(pq.read_table(legend_path(fresh_parquet)))
    assert pq.read_table(committed).schema.metadata == pq.read_table(fresh_parquet).schema.metadata


def test_reporting_calendar_from_the_decree(fresh_parquet):
    import json

    meta = json.loads(pq.read_table(fresh_parquet).schema.metadata[b"roadmap"])
    assert [(e["date"], e["reporter"], e["recipient"]) for e in meta["reporting_calendar"]] == [
        ("2021-07-05", None, "МИОР"), ("2021-07-15", "МИОР", "АП"),
        ("2021-12-05", None, "МИОР"), ("2021-12-15", "МИОР", "АП"),
    ]
    assert (meta["decree_number"], meta["decree_date"], meta["roadmap_year"]) == ("50", "2021-02-09", "2021")
