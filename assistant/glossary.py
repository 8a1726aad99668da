"""English -> Vietnamese terms of social policy, so English questions can use the lexical index."""

from __future__ import annotations

import functools
import re

from assistant.lexicon import abbreviations
from index.normalize import tokens

# Longest phrases first at lookup time; values are the plan's own wording.
EN_VI: dict[str, str] = {
    "public employment": "việc làm công",
    "public works": "việc làm công",
    "coordination mechanism": "quy chế phối hợp",
    "mechanism": "cơ chế",
    "mechanisms": "cơ chế",
    "water supply": "cấp nước",
    "oversee": "giám sát quản lý",
    "overseeing": "giám sát quản lý",
    "oversight": "giám sát",
    "money": "kinh phí nguồn lực ngân sách",
    "costs": "kinh phí",
    "spending": "kinh phí dự toán",
    "estimate": "dự toán",
    "appraise": "thẩm định",
    "appraisal": "thẩm định",
    "allowance": "trợ cấp",
    "allowances": "trợ cấp",
    "subsidy": "hỗ trợ trợ cấp",
    "subsidies": "hỗ trợ trợ cấp",
    "benefits": "chế độ trợ cấp",
    "teachers": "giáo viên",
    "schools": "trường học trường lớp",
    "students": "học sinh sinh viên",
    "youth": "thanh niên",
    "farmers": "nông dân",
    "informal sector": "khu vực phi chính thức",
    "minimum living standard": "mức sống tối thiểu",
    "living standards": "mức sống",
    "income": "thu nhập",
    "per capita": "bình quân đầu người",
    "voluntary": "tự nguyện",
    "compulsory": "bắt buộc",
    "sustainable": "bền vững",
    "drinking water": "nước sạch",
    "toilets": "công trình vệ sinh",
    "latrines": "công trình vệ sinh",
    "garbage": "rác thải",
    "solid waste": "rác thải",
    "emissions": "khí thải",
    "ecosystem": "hệ sinh thái",
    "water price": "giá nước sạch",
    "online": "nền tảng số",
    "internet": "môi trường mạng",
    "cyberspace": "môi trường mạng",
    "broadcasting": "phát thanh truyền hình",
    "newspaper": "báo",
    "profiteering": "trục lợi chính sách",
    "abuse": "trục lợi vi phạm",
    "accountability": "trách nhiệm giải trình",
    "transparency": "công khai minh bạch",
    "decentralisation": "phân cấp phân quyền",
    "decentralization": "phân cấp phân quyền",
    "satisfaction": "sự hài lòng",
    "sex ratio": "tỷ số giới tính khi sinh",
    "golden population": "dân số vàng",
    "technology transfer": "chuyển giao công nghệ",
    "productivity": "năng suất lao động",
    "collective bargaining": "thương lượng tập thể",
    "labour disputes": "tranh chấp lao động",
    "labor disputes": "tranh chấp lao động",
    "dialogue": "đối thoại",
    "graves": "mộ liệt sĩ",
    "remains": "hài cốt liệt sĩ",
    "nursing homes": "cơ sở trợ giúp xã hội",
    "social protection facilities": "cơ sở trợ giúp xã hội",
    "community care": "chăm sóc xã hội tại cộng đồng",
    "community-based": "tại cộng đồng",
    "community": "cộng đồng",
    "social care": "chăm sóc xã hội",
    "private investment": "tư nhân tham gia đầu tư",
    "private": "tư nhân ngoài công lập",
    "network": "mạng lưới",
    "networks": "mạng lưới",
    "encourage": "khuyến khích",
    "social service": "dịch vụ xã hội",
    "private sector": "tư nhân ngoài công lập",
    "socialisation": "xã hội hóa",
    "socialization": "xã hội hóa",
    "land": "đất đai",
    "rent": "thuê",
    "rental": "thuê",
    "commercial housing": "nhà ở thương mại",
    "storms": "bão",
    "floods": "lũ lụt",
    "poor households": "hộ nghèo",
    "national target programmes": "Chương trình mục tiêu quốc gia",
    "national target programs": "Chương trình mục tiêu quốc gia",
    "low-income": "thu nhập thấp",
    "workers' housing": "nhà ở công nhân",
    "gender equality": "bình đẳng giới",
    "social housing": "nhà ở xã hội",
    "housing": "nhà ở",
    "house": "nhà ở",
    "houses": "nhà ở",
    "newly built": "xây mới",
    "built": "xây dựng xây mới",
    "repair": "sửa chữa",
    "industrial revolution": "Cách mạng công nghiệp",
    "fourth industrial revolution": "Cách mạng công nghiệp lần thứ tư",
    "grassroots": "cơ sở",
    "radio stations": "đài truyền thanh",
    "loudspeaker": "đài truyền thanh",
    "chairs": "Chủ tịch",
    "chairman": "Chủ tịch",
    "chairmen": "Chủ tịch",
    "departments": "sở ban ngành",
    "district": "huyện",
    "districts": "huyện",
    "issued": "ban hành",
    "central committee": "Ban Chấp hành Trung ương",
    "resolution": "Nghị quyết",
    "action programme": "Chương trình hành động",
    "action program": "Chương trình hành động",
    "signed": "ký",
    "signature": "ký",
    "vice chairman": "Phó Chủ tịch",
    "homes": "nhà ở",
    "temporary houses": "nhà tạm nhà dột nát",
    "dilapidated": "nhà dột nát",
    "floor area": "diện tích nhà ở sàn",
    "health insurance": "bảo hiểm y tế",
    "social insurance": "bảo hiểm xã hội",
    "unemployment insurance": "bảo hiểm thất nghiệp",
    "unemployment": "thất nghiệp",
    "insurance": "bảo hiểm",
    "health": "y tế sức khỏe",
    "healthcare": "y tế chăm sóc sức khỏe",
    "hospital beds": "giường bệnh viện",
    "hospital": "bệnh viện",
    "doctors": "bác sĩ",
    "pharmacists": "dược sĩ",
    "nurses": "điều dưỡng viên",
    "life expectancy": "tuổi thọ trung bình",
    "healthy years": "số năm sống khỏe",
    "live on average": "tuổi thọ trung bình",
    "social security number": "mã số an sinh xã hội",
    "social security numbers": "mã số an sinh xã hội",
    "electronically": "không dùng tiền mặt",
    "without cash": "không dùng tiền mặt",
    "non-cash": "không dùng tiền mặt",
    "attracting businesses": "thu hút các doanh nghiệp",
    "attract businesses": "thu hút các doanh nghiệp",
    "businesses": "doanh nghiệp",
    "enterprises": "doanh nghiệp",
    "paying benefits": "chi trả trợ cấp",
    "pay benefits": "chi trả trợ cấp",
    "how long people live": "tuổi thọ trung bình",
    "in good health": "số năm sống khỏe",
    "put before": "trình",
    "submitted to": "trình",
    "submit to": "trình",
    "vaccination": "tiêm chủng",
    "immunization": "tiêm chủng",
    "immunisation": "tiêm chủng",
    "malnutrition": "suy dinh dưỡng",
    "stunting": "suy dinh dưỡng thấp còi",
    "nutrition": "dinh dưỡng",
    "education": "giáo dục",
    "training": "đào tạo",
    "vocational": "giáo dục nghề nghiệp đào tạo nghề",
    "preschool": "mầm non",
    "kindergarten": "mầm non",
    "primary school": "tiểu học",
    "lower secondary": "trung học cơ sở",
    "upper secondary": "trung học phổ thông",
    "high school": "trung học phổ thông",
    "enrolment": "đi học đúng độ tuổi",
    "enrollment": "đi học đúng độ tuổi",
    "literacy": "xóa mù chữ",
    "illiteracy": "xóa mù chữ",
    "universal": "phổ cập",
    "culture": "văn hóa",
    "cultural": "văn hóa",
    "information": "thông tin",
    "radio": "phát thanh truyền thanh",
    "television": "truyền hình",
    "tv": "truyền hình",
    "clean water": "nước sạch",
    "water": "nước sạch",
    "sanitation": "vệ sinh",
    "hygiene": "vệ sinh",
    "environment": "môi trường",
    "environmental": "môi trường",
    "pollution": "ô nhiễm",
    "wastewater": "nước thải",
    "waste": "rác thải nước thải",
    "circular economy": "kinh tế tuần hoàn",
    "green economy": "kinh tế xanh",
    "poverty": "nghèo giảm nghèo",
    "poor": "hộ nghèo người nghèo",
    "near-poor": "hộ cận nghèo",
    "labour market": "thị trường lao động",
    "labor market": "thị trường lao động",
    "labour": "lao động",
    "labor": "lao động",
    "workers": "người lao động công nhân",
    "jobs": "việc làm",
    "employment": "việc làm",
    "job": "việc làm",
    "population": "dân số",
    "birth rate": "mức sinh",
    "fertility": "mức sinh thay thế",
    "ageing": "già hóa dân số",
    "aging": "già hóa dân số",
    "high-quality human resources": "nguồn nhân lực chất lượng cao",
    "human resources": "nguồn nhân lực",
    "high-quality": "chất lượng cao",
    "talent": "nhân tài",
    "experts": "chuyên gia",
    "scientists": "nhà khoa học",
    "science": "khoa học công nghệ",
    "technology": "công nghệ",
    "international": "quốc tế",
    "cooperation": "hợp tác",
    "foreign": "nước ngoài quốc tế",
    "aid": "viện trợ tài trợ",
    "climate change": "biến đổi khí hậu",
    "natural disasters": "thiên tai",
    "disasters": "thiên tai",
    "epidemics": "dịch bệnh",
    "meritorious": "người có công",
    "revolutionary contributors": "người có công với cách mạng",
    "people with merit": "người có công",
    "war veterans": "người có công",
    "veterans": "người có công",
    "martyrs": "liệt sĩ",
    "cemeteries": "nghĩa trang liệt sĩ",
    "heroic mothers": "Bà mẹ Việt Nam anh hùng",
    "gratitude": "đền ơn đáp nghĩa",
    "social assistance": "trợ giúp xã hội",
    "social welfare": "phúc lợi xã hội",
    "welfare": "phúc lợi",
    "social security": "an sinh xã hội",
    "social services": "dịch vụ xã hội",
    "social work": "công tác xã hội",
    "social workers": "nhân viên công tác xã hội",
    "elderly": "người cao tuổi",
    "older people": "người cao tuổi",
    "children": "trẻ em",
    "disabilities": "người khuyết tật",
    "disabled": "người khuyết tật",
    "orphans": "trẻ em mồ côi",
    "ethnic minorities": "đồng bào dân tộc thiểu số",
    "ethnic minority": "dân tộc thiểu số",
    "mountainous": "miền núi",
    "remote": "vùng sâu vùng xa",
    "coastal": "ven biển bãi ngang",
    "islands": "hải đảo",
    "rural": "nông thôn",
    "urban": "thành thị",
    "new rural": "nông thôn mới",
    "digital transformation": "chuyển đổi số",
    "digital": "chuyển đổi số nền tảng số",
    "digitalisation": "số hóa chuyển đổi số",
    "digitalization": "số hóa chuyển đổi số",
    "personal data": "dữ liệu cá nhân",
    "data protection": "bảo mật dữ liệu",
    "database": "cơ sở dữ liệu",
    "data": "dữ liệu",
    "social security code": "mã số an sinh xã hội",
    "awareness": "nâng cao nhận thức tuyên truyền",
    "raise awareness": "nâng cao nhận thức tuyên truyền",
    "honor": "tôn vinh",
    "propaganda": "tuyên truyền",
    "communication": "tuyên truyền truyền thông",
    "commendation": "khen thưởng tôn vinh",
    "reward": "khen thưởng",
    "awards": "khen thưởng",
    "honour": "tôn vinh",
    "legal documents": "văn bản quy phạm pháp luật",
    "legal": "pháp luật",
    "regulations": "văn bản quy phạm pháp luật",
    "administrative reform": "cải cách hành chính",
    "inspection": "thanh tra kiểm tra",
    "monitoring": "theo dõi giám sát",
    "supervision": "giám sát",
    "resources": "nguồn lực",
    "funding": "kinh phí nguồn lực",
    "budget": "ngân sách kinh phí dự toán",
    "finance": "tài chính",
    "public-private": "hợp tác công tư",
    "report": "báo cáo",
    "reports": "báo cáo",
    "reporting": "báo cáo",
    "implementation": "tổ chức thực hiện triển khai",
    "organisation": "tổ chức thực hiện",
    "organization": "tổ chức thực hiện",
    "purpose": "mục đích",
    "requirements": "yêu cầu",
    "general objective": "mục tiêu tổng quát",
    "objective": "mục tiêu",
    "vision": "tầm nhìn",
    "targets": "chỉ tiêu mục tiêu",
    "pension": "lương hưu",
    "retirement": "nghỉ hưu lương hưu",
    "trained": "lao động qua đào tạo",
    "certificates": "bằng cấp chứng chỉ",
    "unemployment rate": "tỷ lệ thất nghiệp",
    "hdi": "HDI chỉ số phát triển con người",
    "human development": "phát triển con người HDI",
    "dormitories": "ký túc xá nhà lưu trú",
    "industrial parks": "khu công nghiệp",
    "industrial zones": "khu công nghiệp",
    "credit": "tín dụng",
    "loans": "vốn vay tín dụng",
    "labour safety": "an toàn vệ sinh lao động",
    "occupational safety": "an toàn vệ sinh lao động",
    "labour relations": "quan hệ lao động",
    "job fairs": "sàn giao dịch việc làm",
    "working abroad": "đi làm việc ở nước ngoài",
    "cashless": "không dùng tiền mặt",
    "religion": "tôn giáo tín ngưỡng",
    "family": "gia đình",
    "women": "phụ nữ",
    "mothers": "bà mẹ",
    "pregnant": "phụ nữ mang thai",
    "mental health": "sức khỏe tâm thần",
    "food safety": "an toàn thực phẩm",
    "school health": "y tế học đường",
    "family medicine": "y học gia đình",
    "aids": "AIDS",
    "malaria": "sốt rét",
    "tuberculosis": "lao",
    "emergency relief": "cứu trợ khẩn cấp",
    "charity": "từ thiện nhân đạo",
    "fund": "quỹ",
    "annual": "hằng năm hàng năm",
    "deadline": "thời gian trước ngày",
    "people's committee": "UBND",
    "provincial people's council": "HĐND tỉnh",
    "people's council": "HĐND",
    "provincial": "tỉnh",
    "province": "tỉnh",
}


def _inflections(key: str) -> set[str]:
    """"reward" -> rewards, rewarding, rewarded; "raise" -> raising: questions inflect."""
    # A past form is not inflected again: "built" + "ing" made "builting", of which
    # "building" looked like a slip.
    if " " in key or not key.isalpha() or key.endswith(("ed", "lt")):
        return {key}
    stem = key[:-1] if key.endswith("e") else key
    plural = key + "es" if key.endswith(("s", "x", "z", "ch", "sh")) else key + "s"  # not "reportes"
    return {key, plural, stem + "ing", stem + "ed"}


_FORMS = {form: vi for key, vi in EN_VI.items() for form in _inflections(key)}
_FORMS.update(EN_VI)  # an exact key wins over another key's inflection
_PATTERN = re.compile(
    r"(?<![\w])(" + "|".join(re.escape(k) for k in sorted(_FORMS, key=len, reverse=True)) + r")(?![\w])"
)


def edits1(word: str) -> set[str]:
    """Every string one letter away from a word: a letter dropped, added, changed or swapped."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    cuts = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in cuts if b} | {a + b[1] + b[0] + b[2:] for a, b in cuts if len(b) > 1}
    return out | {a + c + b[1:] for a, b in cuts if b for c in letters} | {a + c + b for a, b in cuts for c in letters}


_GLOSSARY_WORDS = {w for form in _FORMS for w in re.findall(r"[a-z]+", form)}


@functools.lru_cache(maxsize=256)  # read three times a question: terms, tokens, topics
def _corrected(text: str) -> str:
    """Lower-cased text with a glossary word's one-letter slips mended ("populaton")."""
    def mend(m: re.Match[str]) -> str:
        w = m.group(0)
        if len(w) < 6 or w in _GLOSSARY_WORDS:
            return w
        # A plural is no slip of its singular: "island" is not "islands" mistyped.
        near = sorted(x for x in edits1(w) & _GLOSSARY_WORDS if x.rstrip("s") != w.rstrip("s"))
        return near[0] if len(near) == 1 else w
    return re.sub(r"[a-z]+", mend, text.lower())


def translate_terms(text: str) -> str:
    """The Vietnamese terms for the English phrases of a question, space-separated."""
    return " ".join(_FORMS[m.group(1)] for m in _PATTERN.finditer(_corrected(text)))


# Abbreviations staff type for the plan's topics; the plan spells them out. Agencies' own
# abbreviations (Sở LĐTBXH, UBND) are the agency directory's.
ABBREVIATIONS = abbreviations()
_ABBR_TOKENS = {k: tokens(v) for k, v in ABBREVIATIONS.items()}


def expand_tokens(text: str, english: bool) -> list[str]:
    """Folded tokens of a question, abbreviations spelled out, with Vietnamese terms added
    for its English phrases; "" marks where one added term ends."""
    own = [w for t in tokens(text) for w in _ABBR_TOKENS.get(t, [t])]
    if not english:
        return own
    # "" between terms: a bigram across two translated terms ("y tế" + "chỉ tiêu") is noise.
    return own + [w for m in _PATTERN.finditer(_corrected(text)) for w in ("", *tokens(_FORMS[m.group(1)]))]


# Words that name the plan's setting, not a topic: "provincial" alone does not make
# "Who is the provincial Party Secretary?" a question about the plan.
_SETTING = {"provincial", "province", "provinces", "district", "districts", "issued", "departments",
            "people's committee", "people's council"}


def content_terms(text: str) -> list[str]:
    """English topic phrases of a question that the glossary can put into Vietnamese."""
    return [m.group(1) for m in _PATTERN.finditer(_corrected(text)) if m.group(1) not in _SETTING]
