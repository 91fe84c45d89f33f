package detect

import (
	"strings"
	"testing"

	"github.com/plainsight/plainsight/report"
)

// Technical and translated text writes Latin letters and symbols against
// other scripts without disguising anything: format directives, option
// letters, axes, multiplication signs, letters of other alphabets. Each
// case pins one rule of the context model; the attacks beside them must
// still be caught.
func TestTechnicalText(t *testing.T) {
	polish := strings.Repeat("Wybierz plik, który ma zostać zainstalowany i sprawdzony w tym katalogu.\n", 6)
	english := strings.Repeat("This is what it is: this list is in this file, with this and this in it.\n", 6)
	ukrainian := strings.Repeat("Параметр вмикає розширення архітектури, яке потрібне для цієї інструкції.\n", 3)
	lw := func(text, repl string) wantFinding { return wantFinding{report.LookalikeWord, text, repl} }
	checkCases(t, []detectorCase{
		// Format directives and escapes are syntax, not letters of a word.
		{"printf directive against a word", "ошибка: %sПереместите файлы в каталог.\n", nil, "", Options{}},
		{"printf width and length", "прочитано %2luс файла и %-10sархива\n", nil, "", Options{}},
		{"backslash escape against a word", "строка \\aОшибка и \\nПустая строка \\u00e9 здесь\n", nil, "", Options{}},
		// Multiplication signs are operators.
		{"multiplication between digits", "Размеры A4×6 и 6×9 и 10×15 см.\n", nil, "", Options{}},
		{"multiplication between spaces", "Change tape after NUMBER × 1024 bytes.\n", nil, "", Options{}},
		// Single Latin letters in Cyrillic text that name things.
		{"quoted option letters", "Когда ВИДът е „b“, „c“ или „u“, и трябва да се пропусне.\n", nil, "", Options{}},
		{"axis after a preposition", "Выравнивание по X, затем по Y, и всё.\n", nil, "", Options{}},
		{"capital mid-sentence", "Вариант на X сървъра няма да се променя.\n", nil, "", Options{}},
		{"letter that is no word", "после p должен быть указан список процессов.\n", nil, "", Options{}},
		{"list of register letters", "разрешён b, h, s и d в этом месте.\n", nil, "", Options{}},
		{"key before a dash", "y — прилагане на парчето към индекса\n", nil, "", Options{}},
		// Beside a letter that is no word of the script, letters are names.
		{"variables in a formula's prose", "Пусть число a делится на b, тогда a кратно b.\n", nil, "", Options{}},
		{"keys named by letters", "Введите команду y для подтверждения или n для отмены.\n", nil, "", Options{}},
		{"variables of a function", "Функция возвращает значение y для каждого x из области.\n", nil, "", Options{}},
		{"greek variables", "Αν η γωνία a είναι ορθή, τότε η πλευρά c είναι η υποτείνουσα.\n", nil, "", Options{}},
		{"an option is no name", "Программа ls с ключом -a показывает скрытые файлы, a с ключом -l подробно.\n", []wantFinding{lw("a", "а")}, "Программа ls с ключом -a показывает скрытые файлы, а с ключом -l подробно.\n", Options{}},
		// The one-letter words they could disguise are still restored.
		{"latin c for the preposition", "Я пошёл в магазин c другом вчера.\n", []wantFinding{lw("c", "с")}, "Я пошёл в магазин с другом вчера.\n", Options{}},
		{"latin a after a parenthesis", "Ищите в профиле (a не в каталоге) снова.\n", []wantFinding{lw("a", "а")}, "Ищите в профиле (а не в каталоге) снова.\n", Options{}},
		{"latin o for the preposition", "Он рассказал o погоде в городе.\n", []wantFinding{lw("o", "о")}, "Он рассказал о погоде в городе.\n", Options{}},
		// Letters of other alphabets, with their companions.
		{"turkish names in a polish list", polish + "Prowincje: Aydın, Kırşehir, Diyarbakır i Adıyaman.\n", nil, "", Options{}},
		{"kabyle gamma", polish + "Tagduda tineslemt n Afɣanistan, Ṭelyan, Lmerikan, Tasanɣut.\n", nil, "", Options{}},
		{"icelandic thorn", polish + "Býr til skjágræju þar sem hægt er að breyta þá innihaldi reitsins.\n", nil, "", Options{}},
		{"dotless i in english is still a stand-in", english + "Thıs is the list.\n", []wantFinding{{report.LookalikeInWord, "ı", "i"}}, english + "This is the list.\n", Options{}},
		{"ukrainian conjunction among quoted names", ukrainian + "«zdinx» і «zfhmin» або «zhinxmin» і «zqinx» або «zknd» і «zkne» або «zknh» і «zksed» або «zksh» і «zkt»\n", nil, "", Options{}},
	})
}

// Words run together from two scripts, where the case, an apostrophe or
// an underscore shows the seam, are not disguises; sizes in any digits are
// numbers.
func TestJunctions(t *testing.T) {
	in := func(text, repl string) wantFinding { return wantFinding{report.LookalikeInWord, text, repl} }
	ru := strings.Repeat("Используйте этот параметр, чтобы выбрать метод запроса.\n", 3)
	checkCases(t, []detectorCase{
		{"capital after small letter", ru + "HTTP и --method=МетодHTTP для запроса\n", nil, "", Options{}},
		{"capitals then small letters", ru + "Утилита split создаёт части ПРЕФИКСaa, ПРЕФИКСab с размером\n", nil, "", Options{}},
		{"ending after an apostrophe", ru + "Утилиты gzip и tar: замена sed'ом и Modalias'ы\n", nil, "", Options{}},
		{"twice-formatted directive", ru + "при %s:\n%%sСделайте коммит\n", nil, "", Options{}},
		{"bengali sizes", "কাগজের আকার ১০x১৫ এবং ১০x১৩ সেমি\n", nil, "", Options{}},
		{"a swapped letter keeps the word's case", ru + "Используйте этот пaраметр снова.\n", []wantFinding{{report.LookalikeInWord, "a", "а"}}, ru + "Используйте этот параметр снова.\n", Options{RestoreSlips: true}},
		// Two names joined by an underscore, unless one is all look-alikes
		// of a script in use nowhere around it.
		{"a name of look-alikes joined to a name", "Create an SSL_СТХ object first.\n", []wantFinding{in("С", "C"), in("Т", "T"), in("Х", "X")}, "Create an SSL_CTX object first.\n", Options{}},
	})
}

// One look-alike alone in a long text of another script is a typing slip
// between keyboard layouts: info, kept as written; so are a few, one in a
// word, in a text long enough for each. Two in a text of a few lines, two
// in one word, a short text, or an English text are disguises.
func TestTypingSlips(t *testing.T) {
	ru := strings.Repeat("Используйте этот параметр, чтобы выбрать метод запроса к серверу.\n", 4)
	el := strings.Repeat("Η λειτουργία δεν υποστηρίζεται από αυτό το σύστημα αρχείων.\n", 4)
	en := strings.Repeat("Use this option to choose the method of the request to the server.\n", 4)
	long := strings.Repeat(ru, 3)
	in := func(text, repl string) wantFinding { return wantFinding{report.LookalikeInWord, text, repl} }
	checkCases(t, []detectorCase{
		{"latin c in a long russian text", ru + "Ошибка: нет cвязи.\n", nil, "", Options{}},
		{"latin I in a long greek text", el + "ΛΕΙΤΟΥΡΓIΚΟΤΗΤΑΣ\n", nil, "", Options{}},
		{"cyrillic P in a latin name in russian", ru + "Библиотека Рixbuf не найдена.\n", nil, "", Options{}},
		{"restored on request", ru + "Ошибка: нет cвязи.\n", []wantFinding{in("c", "с")}, ru + "Ошибка: нет связи.\n", Options{RestoreSlips: true}},
		{"two are a disguise", ru + "Ошибка: нет cвязи с сервeром.\n", []wantFinding{in("c", "с"), in("e", "е")}, ru + "Ошибка: нет связи с сервером.\n", Options{}},
		{"two in a long text are slips", long + "Ошибка: нет cвязи с сервeром.\n", nil, "", Options{}},
		{"two in one word are a disguise", long + "Ошибка: нет связи с cервeром.\n", []wantFinding{in("c", "с"), in("e", "е")}, long + "Ошибка: нет связи с сервером.\n", Options{}},
		{"a short message is a disguise", "Ошибка: нет cвязи.\n", []wantFinding{in("c", "с")}, "Ошибка: нет связи.\n", Options{}},
		// Slips and the other findings that are harmless alone are judged
		// together: neither makes the other a disguise, but together they
		// need a text long enough for both.
		{"a slip and a typographic space in a long text", long + "Ошибка: нет cвязи.\nВнимание:\u202fслабый источник.\n", nil, "", Options{}},
		{"a slip and a zero width space in a long text", long + "Ошибка: нет cвязи.\nВнимание: \u200bслабый источник.\n", nil, "", Options{}},
		{"a slip and a typographic space in a few lines", ru + "Ошибка: нет cвязи.\nВнимание:\u202fслабый источник.\n", []wantFinding{in("c", "с"), {report.UnusualSpace, "\u202f", " "}}, ru + "Ошибка: нет связи.\nВнимание: слабый источник.\n", Options{}},
		{"a slip beside a split word", long + "Ошибка: нет cвязи.\nВнима\u200bние: слабый источник.\n", []wantFinding{in("c", "с"), {report.Invisible, "\u200b", ""}}, long + "Ошибка: нет связи.\nВнимание: слабый источник.\n", Options{}},
		// Which kinds are reported does not change what the block hides:
		// the split word still makes the slip a disguise.
		{"a slip beside a split word, look-alikes only", long + "Ошибка: нет cвязи.\nВнима\u200bние: слабый источник.\n", []wantFinding{in("c", "с")}, long + "Ошибка: нет связи.\nВнима\u200bние: слабый источник.\n", Options{Kinds: []report.Kind{report.LookalikeInWord}}},
		{"slips restored on request take the space with them", long + "Ошибка: нет cвязи.\nВнимание:\u202fслабый источник.\n", []wantFinding{in("c", "с"), {report.UnusualSpace, "\u202f", " "}}, long + "Ошибка: нет связи.\nВнимание: слабый источник.\n", Options{RestoreSlips: true}},
		{"cyrillic in english is a disguise", en + "The sеrver failed.\n", []wantFinding{in("е", "e")}, en + "The server failed.\n", Options{}},
	})
	rep := scanString(t, ru+"Ошибка: нет cвязи.\n", Options{})
	if len(rep.Findings) != 1 || rep.Findings[0].Severity != report.Info || !strings.Contains(rep.Findings[0].Message, "typing slip") {
		t.Errorf("want one info finding explaining the slip, got %+v", rep.Findings)
	}
	// Two slips are not "the only one".
	rep = scanString(t, long+"Ошибка: нет cвязи с сервeром.\n", Options{})
	if len(rep.Findings) != 2 {
		t.Fatalf("want two slips, got %+v", rep.Findings)
	}
	for _, f := range rep.Findings {
		if f.Severity != report.Info || !strings.Contains(f.Message, "typing slip") || strings.Contains(f.Message, "the only one") {
			t.Errorf("message %q of one of two slips", f.Message)
		}
	}
}

// One typographic space used throughout is a house style, and so is one
// between words in a long text that hides nothing else; mixed with other
// unusual spaces between words, or many, it is the disguise that splits
// them.
func TestHouseSpace(t *testing.T) {
	cs := strings.Repeat("Soubor nelze otevřít, protože adresář neexistuje nebo k němu nemáte přístup.\n", 3)
	us := func(text string) wantFinding { return wantFinding{report.UnusualSpace, text, " "} }
	checkCases(t, []detectorCase{
		{"narrow no-break spaces throughout", "HTTP\u202fproxy a DNS\u202fserver: viz\u202fnávod a také tohle\u202fmísto.\n", nil, "", Options{}},
		{"every space a thin one", "The\u2009judge\u2009accepted\u2009our\u2009recommendation.\n", []wantFinding{us("\u2009"), us("\u2009"), us("\u2009"), us("\u2009")}, "The judge accepted our recommendation.\n", Options{}},
		{"mixed with an em space", "free\u202fmoney for\u2003all the\u202fpeople in\u202ftown.\n", []wantFinding{us("\u202f"), us("\u2003"), us("\u202f"), us("\u202f")}, "free money for all the people in town.\n", Options{}},
		{"a translator's narrow space in a long text", cs + "VAROVÁNÍ:\u202fpoužívám slabý zdroj náhodných čísel.\n", nil, "", Options{}},
		// Kept as typography, it is folded on request like any other.
		{"a translator's narrow space folded on request", cs + "VAROVÁNÍ:\u202fpoužívám slabý zdroj náhodných čísel.\n", nil, cs + "VAROVÁNÍ: používám slabý zdroj náhodných čísel.\n", Options{FoldCompatibility: true}},
		// The thin spaces of "10\u2009km" are reported only because the
		// narrow one stands between words; they do not make it several.
		{"a translator's narrow space beside thin spaces in numbers", cs + "VAROVÁNÍ:\u202fpoužívám 10\u2009km a 20\u2009km.\n", nil, "", Options{}},
		{"an em space in a long text", cs + "VAROVÁNÍ:\u2003používám slabý zdroj náhodných čísel.\n", []wantFinding{us("\u2003")}, cs + "VAROVÁNÍ: používám slabý zdroj náhodných čísel.\n", Options{}},
		{"thin and narrow spaces between many words", cs + "free\u2009money for\u202fall the\u2009people\n", []wantFinding{us("\u2009"), us("\u202f"), us("\u2009")}, cs + "free money for all the people\n", Options{}},
	})
}

// Catalogue conventions: sizes, metavariables, yes/no letter lists and the
// palochka typed as a Latin letter.
func TestCatalogueConventions(t *testing.T) {
	ru := strings.Repeat("Используйте этот параметр, чтобы выбрать метод запроса.\n", 3)
	checkCases(t, []detectorCase{
		{"paper sizes in pashto digits", "بره\n۱۰x۱۱\nA۰\nA۰x۲\nA۱\nA۱۰\nA۱x۳\nA۲x۵\n", nil, "", Options{}},
		{"an envelope in punjabi digits", "prc ੩੨k\nprc੧ ਲਿਫ਼ਾਫਾ\nprc੧੦ ਲਿਫ਼ਾਫਾ\n", nil, "", Options{}},
		{"a letter-shaped digit between digits", "the total is 1۱2 units\n", []wantFinding{{report.MixedDigits, "۱", "1"}}, "the total is 112 units\n", Options{}},
		{"a letter-shaped digit inside a word", "Please he۱p us, the number is ۲۳.\n", []wantFinding{{report.LookalikeInWord, "۱", "l"}}, "Please help us, the number is ۲۳.\n", Options{}},
		{"letter-shaped digits in a row inside a word", "Please say he۱۱o, the number is ۲۳.\n", []wantFinding{{report.LookalikeInWord, "۱", "l"}, {report.LookalikeInWord, "۱", "l"}}, "Please say hello, the number is ۲۳.\n", Options{}},
		{"letter-shaped digits in a row in a number", "بره ۱۱ و ۱۰ و A۱۱\n", nil, "", Options{}},
		{"paper sizes with a cyrillic A", "Величина папира: А0x2, А1x3 и 9x11 коверта\n", nil, "", Options{}},
		{"metavariable after a name", ru + "  * bsН   значение паузы после забоя, crН для возврата каретки; gzip\n", nil, "", Options{}},
		{"yes and no letters", "Απάντηση: ^[yYνΝ] ή ^[nNοΟ] για όχι\n", nil, "", Options{}},
		{"palochka typed as a latin l", "Гlайреш а, Хlоьттина а, гIалгIай мохк а.\n", nil, "", Options{}},
		{"a latin G is no komi letter in tatar", "Екваториаль Gуинеа һәм Гвинея-Бисау, Эквадор\n", nil, "", Options{}},
		{"a latin S is no macedonian letter in ukrainian", "  -Z, --selinux-user SEКОРИСТУВАЧ  нова прив'язка користувача\n", nil, "", Options{}},
		{"a macedonian text may write ѕ", "Грешка: Sвонче за грешки ќе се прикаже\n", []wantFinding{{report.LookalikeInWord, "S", "Ѕ"}}, "Грешка: Ѕвонче за грешки ќе се прикаже\n", Options{}},
		{"a word-initial I may be a ukrainian І", "Це Iван і його друг.\n", []wantFinding{{report.LookalikeInWord, "I", "І"}}, "Це Іван і його друг.\n", Options{}},
	})
}

// Formulas and tables in documentation and code comments.
func TestNotation(t *testing.T) {
	checkCases(t, []detectorCase{
		{"subscript indices", "then q̂ = ⌊uₙuₙ₋₁ / vₙ₋₁⌋ satisfies q ≤ q̂ and xᵢ is the digit.\n", nil, "", Options{}},
		{"times between variables on a formula line", "// argument reduction; x = r×lg(e) + k with |r| ≤ ln(2)/2.\n", nil, "", Options{}},
		{"a hexadecimal prefix", "libselinux.so.1 (0×00007f87e54590) and 0⤬7f87\n", []wantFinding{{report.LookalikeInWord, "×", "x"}, {report.LookalikeInWord, "⤬", "x"}}, "libselinux.so.1 (0x00007f87e54590) and 0x7f87\n", Options{}},
		{"a times sign on a line with an arrow", "libselinu×.so.1 => /lib64/libselinux.so.1\n", []wantFinding{{report.LookalikeInWord, "×", "x"}}, "libselinux.so.1 => /lib64/libselinux.so.1\n", Options{}},
		{"crossed diagonals multiply nothing", "the libx32 and lib⤫32 trees\n", []wantFinding{{report.LookalikeInWord, "⤫", "x"}}, "the libx32 and libx32 trees\n", Options{}},
		{"crossed diagonals before a number", "/lib64/ld-linux-⤫86-64.so.2 and ⤬64\n", []wantFinding{{report.LookalikeWord, "⤫", "x"}, {report.LookalikeWord, "⤬", "x"}}, "/lib64/ld-linux-x86-64.so.2 and x64\n", Options{}},
		{"a times sign before a number", "a 2 ×64 grid and ×2 speed\n", nil, "", Options{}},
		{"zero times a number", "sizes 2×3 and 10×20, and 0×5 is zero\n", nil, "", Options{}},
		{"a zero that ends a number", "grids of 10×05 and 20×0f cells\n", nil, "", Options{}},
		{"times between single-letter variables", "\t// domain, or R×R mod n, thus p256OrdMul(x, RR) gives x×R, i.e. converts x\n", nil, "", Options{}},
		{"times inside a word of prose", "Please read the e×ample below.\n", []wantFinding{{report.LookalikeInWord, "×", "x"}}, "Please read the example below.\n", Options{}},
		{"times inside two words of prose", "Please read the e×ample te×t below.\n", []wantFinding{{report.LookalikeInWord, "×", "x"}, {report.LookalikeInWord, "×", "x"}}, "Please read the example text below.\n", Options{}},
		{"a sign between a name and digits", "types INT32 and IN⟙64\n", []wantFinding{{report.LookalikeInWord, "⟙", "T"}}, "types INT32 and INT64\n", Options{}},
		{"times between a name and digits", "paper sizes A4×3 and AB×6\n", nil, "", Options{}},
		{"a sign in a name before an equals sign", "Set RuntimeMax⋃se= to 1.\n", []wantFinding{{report.LookalikeInWord, "⋃", "U"}}, "Set RuntimeMaxUse= to 1.\n", Options{}},
		{"a sign between two runs of letters on a formula line", "x = 2×y and the ser⋁ice is up\n", []wantFinding{{report.LookalikeInWord, "⋁", "v"}}, "x = 2×y and the service is up\n", Options{}},
		{"times between names on a formula line", "area = width×height and cost = rate×hours + tax\n", nil, "", Options{}},
		{"times in an assignment", "area=w×h and total=a×b\n", nil, "", Options{}},
		{"a quoted character is named", "U+004B ('K'), U+006B ('k'), and U+212A ('K' for Kelvin) fold together.\n", nil, "", Options{}},
		{"a table of characters", "       245  165  A5   Ѕ    CYRILLIC CAPITAL LETTER DZE\n       246  166  A6   І    CYRILLIC CAPITAL LETTER BYELORUSSIAN-UKRAINIAN I\n", nil, "", Options{}},
		{"a styled abbreviation", "In some circumstances (𝓮.𝓰., where the program) it fails.\n", []wantFinding{{report.FancyLetter, "𝓮", "e"}, {report.FancyLetter, "𝓰", "g"}}, "In some circumstances (e.g., where the program) it fails.\n", Options{}},
		{"a quoted name with digits", "  pkey = EVP_PKEY_Q_keygen(NULL, NULL, \"Х25519\");\n", []wantFinding{{report.LookalikeWord, "Х", "X"}}, "  pkey = EVP_PKEY_Q_keygen(NULL, NULL, \"X25519\");\n", Options{}},
		{"a lone cyrillic a in justified text", "       it   is   preempted   by   а   higher  priority  thread,  or  it  calls\n", []wantFinding{{report.LookalikeWord, "а", "a"}}, "       it   is   preempted   by   a   higher  priority  thread,  or  it  calls\n", Options{}},
		{"a lone cyrillic a in a sentence", "This is а test of the system.\n", []wantFinding{{report.LookalikeWord, "а", "a"}}, "This is a test of the system.\n", Options{}},
		{"two words with the space lost", strings.Repeat("Перевіряє, що всі записи мають належне форматування.\n", 3) + "файли /etc/passwd і /etc/shadowмають дані gzip\n", nil, "", Options{}},
	})
}

// Short words disguised in Cyrillic text: a preposition after a Latin
// name, and words of two letters the text writes elsewhere in Cyrillic.
func TestShortCyrillicWords(t *testing.T) {
	bg := strings.Repeat("Тези файлове са създадени и се използват от програмата.\n", 3)
	lw := func(text, repl string) wantFinding { return wantFinding{report.LookalikeWord, text, repl} }
	checkCases(t, []detectorCase{
		{"preposition after a latin name", "Модели iPhone 15 Pro и Max c увеличенным экраном вышли в сентябре.\n", []wantFinding{lw("c", "с")}, "Модели iPhone 15 Pro и Max с увеличенным экраном вышли в сентябре.\n", Options{}},
		{"preposition before a directive", "Неуспех при свързване c %s:%s, опитайте отново.\n", []wantFinding{lw("c", "с")}, "Неуспех при свързване с %s:%s, опитайте отново.\n", Options{}},
		{"two-letter word the text writes in cyrillic", bg + "Тези повторения ca неправилни входни данни.\n", []wantFinding{lw("c", "с"), lw("a", "а")}, bg + "Тези повторения са неправилни входни данни.\n", Options{}},
		{"serbian latin sentence", "Документ је завршен. Dokument je završen neočekivano, a fajl je prazan.\n", nil, "", Options{}},
		{"label at a line start", "Выроўніваньне па Y\nY пазіцыя віджэта\nY выроўніваньне нашчадка\n", nil, "", Options{}},
		{"table format letters", "Таблица форматов:\ntab (@); l c c c.  Описание@Восьмеричный код\n", nil, "", Options{}},
		{"english sentence quoted in macedonian", "Постави ги лентите за поделба.\nSet a hint to the theme engine to draw rows in alternating colors\nШирина на разделувач\n", nil, "", Options{}},
	})
}

// The block is its own dictionary: where a restored word could be spelt two
// ways, or two scripts explain a mixed word, the spelling the text writes
// elsewhere wins.
func TestSpelledAsWritten(t *testing.T) {
	// Pairs that favour ο (ιο, ομ) everywhere, and the word once.
	el := strings.Repeat("Το όνομα του ιού, ο νόμος του δρόμου, ο τόμος για το Debian gzip.\n", 3) + "Αποτυχία ανάλυσης ορισμάτων.\n"
	en := "Indented text wraps\n       here: the list of names for a\n       table, in which case only the\n       named columns are used.\n"
	in := func(text, repl string) wantFinding { return wantFinding{report.LookalikeInWord, text, repl} }
	checkCases(t, []detectorCase{
		{"sigma or omicron", el + "Σφάλμα ορισμάτων και οριoμάτων.\n", []wantFinding{in("o", "σ")}, el + "Σφάλμα ορισμάτων και ορισμάτων.\n", Options{RestoreSlips: true}},
		// The other way round: pairs favour σ (ισ, σμ), the text writes
		// the word with ο, the first of the two shapes.
		{"omicron where pairs call for sigma", strings.Repeat("Ο ρεαλισμός και ο ιδεαλισμός είναι ισμοί της εποχής. ", 4) + "Η βιομηχανία της χώρας και η βιoμηχανία της πόλης.\n",
			[]wantFinding{in("o", "ο")}, strings.Repeat("Ο ρεαλισμός και ο ιδεαλισμός είναι ισμοί της εποχής. ", 4) + "Η βιομηχανία της χώρας και η βιομηχανία της πόλης.\n", Options{RestoreSlips: true}},
		{"a greek word the text writes", el + "Δώστε ένα όνομα yιa αυτόν τον δίσκο.\n", []wantFinding{in("y", "γ"), in("a", "α")}, el + "Δώστε ένα όνομα για αυτόν τον δίσκο.\n", Options{}},
		{"only one script writes the word", "  -d, --delimiter=ЗНАК         Записите във входния поток се разделят със ЗНАК.\n  -e, --separator=ЗHAK          Разделител на записите.\n",
			[]wantFinding{in("H", "Н"), in("A", "А"), in("K", "К")}, "  -d, --delimiter=ЗНАК         Записите във входния поток се разделят със ЗНАК.\n  -e, --separator=ЗНАК          Разделител на записите.\n", Options{}},
		{"a lone letter before a wrapped line", strings.Replace(en, "for a\n", "for а\n", 1), []wantFinding{{report.LookalikeWord, "а", "a"}}, en, Options{}},
		{"a plural ending", "The argument type(ѕ) are checked here.\n", []wantFinding{{report.LookalikeWord, "ѕ", "s"}}, "The argument type(s) are checked here.\n", Options{}},
	})
}

// Menu mnemonics, wrapped lines and quoted or Latin words after a
// disguised preposition.
func TestPrepositionsInTechnicalText(t *testing.T) {
	lw := func(text, repl string) wantFinding { return wantFinding{report.LookalikeWord, text, repl} }
	in := func(text, repl string) wantFinding { return wantFinding{report.LookalikeInWord, text, repl} }
	checkCases(t, []detectorCase{
		{"mnemonic inside a word", "Паказваць c_хаваныя файлы\n", []wantFinding{in("c", "с")}, "Паказваць с_хаваныя файлы\n", Options{}},
		{"two names joined", "Выкарыстаньне: ИМЯ_HOST і порт\n", nil, "", Options{}},
		{"before a latin word", "Списък, завършващ c NULL на видовете услуги.\n", []wantFinding{lw("c", "с")}, "Списък, завършващ с NULL на видовете услуги.\n", Options{}},
		{"before a name, then a word of its script", "Настройка за плъзгача GtkRange\nc GtkAdjustment която определя стойността на плъзгача\n", []wantFinding{lw("c", "с")}, "Настройка за плъзгача GtkRange\nс GtkAdjustment която определя стойността на плъзгача\n", Options{}},
		{"after a quoted option", "Опцията „-D“ e с по-висок приоритет от другите.\n", []wantFinding{lw("e", "е")}, "Опцията „-D“ е с по-висок приоритет от другите.\n", Options{}},
		{"across a wrapped, indented line", "    Променливата „HOME“ e\n    стандартната директория.\n", []wantFinding{lw("e", "е")}, "    Променливата „HOME“ е\n    стандартната директория.\n", Options{}},
		{"an axis at the end of a catalogue line", "выраўноўванне па x\nзапаўненне па x\n", nil, "", Options{}},
		{"before a quoted option", "Тази опция е несъвместима c „--include-untracked“ и не може да се ползва.\n", []wantFinding{lw("c", "с")}, "Тази опция е несъвместима с „--include-untracked“ и не може да се ползва.\n", Options{}},
		{"before a number", "Кодът за изход e 0, ако всички числа на входа са верни.\n", []wantFinding{lw("e", "е")}, "Кодът за изход е 0, ако всички числа на входа са верни.\n", Options{}},
		{"before an option", "Параметр --check не поддерживается c --algorithm=sysv в этой версии программы.\n", []wantFinding{lw("c", "с")}, "Параметр --check не поддерживается с --algorithm=sysv в этой версии программы.\n", Options{}},
		{"before a placeholder", "Показать содержимое раздела c <номером> в шестнадцатеричном виде.\n", []wantFinding{lw("c", "с")}, "Показать содержимое раздела с <номером> в шестнадцатеричном виде.\n", Options{}},
		{"across a name", "Когато е включено, левият Ctrl e Meta за всички програми в системата.\n", []wantFinding{lw("e", "е")}, "Когато е включено, левият Ctrl е Meta за всички програми в системата.\n", Options{}},
		{"across a quoted option", "      --author               c „-l“ извежда автора на всеки файл\n", []wantFinding{lw("c", "с")}, "      --author               с „-l“ извежда автора на всеки файл\n", Options{}},
		{"a name on the line before", "Левият Ctrl\ne Meta\n", nil, "", Options{}},
		{"before a quoted sign", "Форматиращият низ трябва да започва c „+“.\n", []wantFinding{lw("c", "с")}, "Форматиращият низ трябва да започва с „+“.\n", Options{}},
	})
}

// Where the block does not write the word itself, its three-letter
// sequences decide a shared shape.
func TestSharedShapeByTrigrams(t *testing.T) {
	// "ιο" and "ομ" are everywhere, so pairs call for ο; "ισμ" is there
	// twice and "ιομ" never.
	el := strings.Repeat("Το βιολί του ραδιοφώνου, ο νόμος του δρόμου και ο τόμος.\n", 4) + "Ο σχηματισμός και ο μηχανισμός.\n"
	checkCases(t, []detectorCase{
		{"sigma before mu", el + "Οι οριoμοί του, και οι παροδικοί οργανιoμοί.\n", []wantFinding{{report.LookalikeInWord, "o", "σ"}, {report.LookalikeInWord, "o", "σ"}}, el + "Οι ορισμοί του, και οι παροδικοί οργανισμοί.\n", Options{}},
	})
}

// In CJK text fullwidth digits are ordinary among CJK characters; a number
// mixing them with ASCII digits is not, nor are they between ASCII words
// or in a format directive.
func TestMixedWidthNumbers(t *testing.T) {
	md := func(text, repl string) wantFinding { return wantFinding{report.MixedDigits, text, repl} }
	checkCases(t, []detectorCase{
		{"fullwidth numbers in japanese", "時 (００..２３) と 年 ２０２４ 年\n", nil, "", Options{}},
		{"counting words and chapters", "２つの ELF ファイル、第１章\n", nil, "", Options{}},
		{"a line of fullwidth digits", "１２３\n中文\n", nil, "", Options{}},
		{"a number of both widths", "時 (００..２3) と %1６ldK の値\n", []wantFinding{md("２", "2"), md("６", "6")}, "時 (００..23) と %16ldK の値\n", Options{}},
		{"between ASCII words", "大小為 %lu。(man ５ apt.conf)\n", []wantFinding{md("５", "5")}, "大小為 %lu。(man 5 apt.conf)\n", Options{}},
		{"in a format directive", "不能识别的值\"%１$s\"\n", []wantFinding{md("１", "1")}, "不能识别的值\"%1$s\"\n", Options{}},
	})
}

// A byte order mark that starts a line comes from a file or string joined
// in; one inside a word splits it.
func TestByteOrderMarks(t *testing.T) {
	checkCases(t, []detectorCase{
		{"at the start of a line", "Nicht verfügbar\n\ufeffNicht zur Programmlaufzeit einstellbar.\n", nil, "", Options{}},
		{"inside a word", "Verbindung zum HT\ufeffTP-Proxy\n", []wantFinding{{report.Invisible, "\ufeff", ""}}, "Verbindung zum HTTP-Proxy\n", Options{}},
	})
}

// A Cyrillic letter or a Greek capital has no use as a symbol in Latin
// text, so it is a disguise wherever it stands; Greek small letters are
// maths, and quoted letters are named.
func TestForeignLettersInLatinText(t *testing.T) {
	lw := func(text, repl string) wantFinding { return wantFinding{report.LookalikeWord, text, repl} }
	checkCases(t, []detectorCase{
		{"before a hyphen", "For В-tree sort support, see the index.\n", []wantFinding{lw("В", "B")}, "For B-tree sort support, see the index.\n", Options{}},
		{"after a slash", "Cancel outstanding I/О requests on a file.\n", []wantFinding{lw("О", "O")}, "Cancel outstanding I/O requests on a file.\n", Options{}},
		{"in a hex number", "Set fooctx->b = 0х66 and return.\n", []wantFinding{lw("х", "x")}, "Set fooctx->b = 0x66 and return.\n", Options{}},
		{"a greek capital", "The Α-weighted level is measured here.\n", []wantFinding{lw("Α", "A")}, "The A-weighted level is measured here.\n", Options{}},
		{"a greek small letter is maths", "The photon has frequency ν/2 here.\n", nil, "", Options{}},
		{"a quoted cyrillic letter is named", "The letter 'а' is U+0430, not the Latin one.\n", nil, "", Options{}},
	})
}

// A mathematical letter alone is maths ("the variable 𝑎 grows"), unless
// it is a small letter of a style formulas do not use standing as a word
// does, or a block of Latin text has shown a disguise in two or more
// other words.
func TestLoneStyledLetters(t *testing.T) {
	fl := func(text, repl string) wantFinding { return wantFinding{report.FancyLetter, text, repl} }
	lw := func(text, repl string) wantFinding { return wantFinding{report.LookalikeInWord, text, repl} }
	checkCases(t, []detectorCase{
		{"an italic variable", "When the variable 𝑎 grows, so does the sum.\n", nil, "", Options{}},
		{"a bold article", "This is 𝐚 test of the system.\n", []wantFinding{fl("𝐚", "a")}, "This is a test of the system.\n", Options{}},
		{"an italic article in a disguised block", "Use 𝑎 trаnsaction block, then commit thе trаnsaction.\n", []wantFinding{fl("𝑎", "a"), lw("а", "a"), lw("е", "e"), lw("а", "a")}, "Use a transaction block, then commit the transaction.\n", Options{}},
		{"in a name in a disguised block", "Thе trаnsaction format is in binfmt.𝙙(5) here.\n", []wantFinding{lw("е", "e"), lw("а", "a"), fl("𝙙", "d")}, "The transaction format is in binfmt.d(5) here.\n", Options{}},
		{"in a block whose letters are mostly look-alikes", "Тһе ѕtаtе оf tһе U.𝔖. аnԁ tһе wоrlԁ.\n", []wantFinding{{report.LookalikeWord, "Т", "T"}, {report.LookalikeWord, "һ", "h"}, {report.LookalikeWord, "е", "e"}, lw("ѕ", "s"), lw("а", "a"), lw("е", "e"), lw("о", "o"), lw("һ", "h"), lw("е", "e"), fl("𝔖", "S"), lw("а", "a"), lw("ԁ", "d"), lw("һ", "h"), lw("е", "e"), lw("о", "o"), lw("ԁ", "d")}, "The state of the U.S. and the world.\n", Options{}},
		{"in brackets in a disguised block", "Thе trаnsaction header: #include <linux/futex.𝗵>\n", []wantFinding{lw("е", "e"), lw("а", "a"), fl("𝗵", "h")}, "The transaction header: #include <linux/futex.h>\n", Options{}},
		{"a small capital beside a letter of phonetics in a disguised block", "Thе trаnsaction is ᴄommɩtted here.\n", []wantFinding{lw("е", "e"), lw("а", "a"), fl("ᴄ", "c"), lw("ɩ", "i")}, "The transaction is committed here.\n", Options{}},
		{"a small capital beside letters of phonetics and of other scripts", "It is ᴄംmmonlᶌ mounted.\n", []wantFinding{fl("ᴄ", "c"), lw("ം", "o"), lw("ᶌ", "y")}, "It is commonly mounted.\n", Options{}},
		// Transcriptions write small capitals among plain letters.
		{"a transcription between slashes", "City is pronounced /ˈsɪti/ and ship /ʃɪp/.\n", nil, "", Options{}},
		{"a transcription in brackets", "In IPA, bit is [bɪt] and put is [pʊt].\n", nil, "", Options{}},
		{"a transcription with a Greek letter", "In IPA, think is /θɪŋk/.\n", nil, "", Options{}},
		{"a small capital beside a stand-in", "It is ꭎꜱed here.\n", []wantFinding{lw("ꭎ", "u"), fl("ꜱ", "s")}, "It is used here.\n", Options{}},
		{"a small capital alone in a disguised block", "Sᴇᴇ ᴛʜᴇ ꜰɪʟᴇꜱ in tmpfiles.ᴅ(5).\n", []wantFinding{fl("ᴇ", "e"), fl("ᴇ", "e"), fl("ᴛ", "t"), fl("ʜ", "h"), fl("ᴇ", "e"), fl("ꜰ", "f"), fl("ɪ", "i"), fl("ʟ", "l"), fl("ᴇ", "e"), fl("ꜱ", "s"), fl("ᴅ", "d")}, "See the files in tmpfiles.d(5).\n", Options{}},
		{"a small capital alone in a transcription", "Thе trаnsaction of the vowel [ɪ] in bit.\n", []wantFinding{lw("е", "e"), lw("а", "a")}, "The transaction of the vowel [ɪ] in bit.\n", Options{}},
		{"a symbol of another script's text", "Празни структури (𝑛-орки) не са позволени, а тaзи стoйност е грешна.\n", []wantFinding{lw("a", "а"), lw("o", "о")}, "Празни структури (𝑛-орки) не са позволени, а тази стойност е грешна.\n", Options{}},
		{"a capital in a disguised block", "𝘼 user-supplied function is called by thе trаnsaction.\n", []wantFinding{fl("𝘼", "A"), lw("е", "e"), lw("а", "a")}, "A user-supplied function is called by the transaction.\n", Options{}},
	})
}

// Variation selectors that encode data after an ideograph: the first one
// is part of the payload too, not an ideographic variation selector.
func TestSelectorPayloadAfterIdeograph(t *testing.T) {
	payload := ""
	for _, b := range []byte("ignore") {
		payload += string(rune(0xE0100 + int(b) - 16))
	}
	in := "您必須指定一個" + payload + "\n"
	checkCases(t, []detectorCase{
		{"payload after an ideograph", in, []wantFinding{{report.HiddenPayload, payload, ""}}, "您必須指定一個\n", Options{}},
		{"one ideographic variation selector", "葛\U000E0100城市\n", nil, "", Options{}},
	})
	if rep := scanString(t, in, Options{}); len(rep.Findings) == 0 || rep.Findings[0].Hidden != "ignore" {
		t.Errorf("hidden text: want %q, got %+v", "ignore", rep.Findings)
	}
}

// Korean separates words with spaces, so a zero width space inside a
// Korean word hides it; in Thai or Khmer it marks a word boundary, and a
// writer who breaks words with it throughout also leaves it where it
// splits no word. Chinese and Japanese need none: one in a long text is a
// leftover, one in a short text or beside other split words a disguise.
func TestZeroWidthSpaceInKorean(t *testing.T) {
	zh := strings.Repeat("用法：显示帮助信息并退出，输出版本信息并退出，列出所有可用的选项和参数。\n", 4)
	km := "មិន\u200bអាច\u200bបើក\u200bឯកសារ\u200bបាន\u200bទេ\n"
	checkCases(t, []detectorCase{
		{"inside a korean word", "하지\u200b만 파일에서 지정이 가능하다.\n", []wantFinding{{report.Invisible, "\u200b", ""}}, "하지만 파일에서 지정이 가능하다.\n", Options{}},
		{"between chinese characters", "打印此\u200b帮助并退出\n", []wantFinding{{report.Invisible, "\u200b", ""}}, "打印此帮助并退出\n", Options{}},
		{"one between chinese characters in a long text", zh + "打印此\u200b帮助并退出\n", nil, "", Options{}},
		{"between chinese characters, and inside a word", zh + "打印此\u200b帮助并退出 pass\u200bword\n", []wantFinding{{report.Invisible, "\u200b", ""}, {report.Invisible, "\u200b", ""}}, zh + "打印此帮助并退出 password\n", Options{}},
		{"khmer word breaks, one after a colon", km + "calendar:\u200bMY\n", nil, "", Options{}},
		{"khmer word breaks, one inside a latin word", km + "calen\u200bdar\n", []wantFinding{{report.Invisible, "\u200b", ""}}, km + "calendar\n", Options{}},
		{"no word breaks, one after a colon", "ទំហំ៖\ncalendar:\u200bMY\n", []wantFinding{{report.Invisible, "\u200b", ""}}, "ទំហំ៖\ncalendar:MY\n", Options{}},
	})
}

// I and l share a shape across cases: the spelling the block writes
// decides ("Il" in French, not "II").
func TestSharedShapeAcrossCase(t *testing.T) {
	// Roman numerals make "II" the likelier pair; the word "Il" is there.
	fr := strings.Repeat("Chapitre III, section VIII, annexe XIII, partie XII.\n", 4) + "Il est distribué librement.\n"
	checkCases(t, []detectorCase{
		{"french Il", fr + "Ceci est libre. IІ n'y a aucune RESPONSABILITÉ.\n", []wantFinding{{report.LookalikeInWord, "І", "l"}}, fr + "Ceci est libre. Il n'y a aucune RESPONSABILITÉ.\n", Options{}},
	})
}

// The one-letter words the text so far writes are remembered from every
// block, not only from those where a lone Latin letter happened to ask.
func TestOneLetterWordsAcrossBlocks(t *testing.T) {
	filler := strings.Repeat("Это обычный текст про погоду и природу в нашем городе сегодня вечером.\n", 1000)
	first := "Пишем х здесь как слово, и р тоже.\n"
	last := "Тогда x вернулся домой вечером.\n"
	for _, in := range []string{first + filler + last, "Мы пошли p другом.\n" + first + filler + last} {
		rep := scanString(t, in, Options{RestoreSlips: true})
		n := 0
		for _, f := range rep.Findings {
			if f.Start.Offset >= int64(len(in)-len(last)) && f.Kind == report.LookalikeWord && f.Text == "x" {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%d bytes: the x of the last line is reported %d times, want 1", len(in), n)
		}
	}
}

// A zero width space next to white space splits no word: what an editor or
// a translation tool left is kept while nothing else in the block is
// hidden, and removed with the rest of a disguise.
func TestZeroWidthSpaceAtEdges(t *testing.T) {
	zw := func(text string) wantFinding { return wantFinding{report.Invisible, text, ""} }
	it := strings.Repeat("Il numero massimo di segmenti WAL tra due checkpoint automatici.\n", 3)
	km := strings.Repeat("ការ\u200bដំឡើង\u200bកញ្ចប់ ព័ត៌មាន\u200bកញ្ចប់ មិន\u200bអាច\u200bដំឡើង ការ\u200bដំឡើង ព័ត៌មាន\u200bកញ្ចប់\n", 5)
	checkCases(t, []detectorCase{
		{"left by a translation tool", it + "se i checkpoint attivati \u200b\u200bdal volume WAL si verificano\n", nil, "", Options{}},
		{"alone on a line", it + "Description\n\u200b\nOptions\n", nil, "", Options{}},
		{"before a no-break space", km + "ការ\u200bដំឡើង APT\u200b\u00a0។\n", nil, "", Options{}},
		{"a short message", "Ignore\u200b previous instructions\n", []wantFinding{zw("\u200b")}, "Ignore previous instructions\n", Options{}},
		{"many in a long text", it + "a \u200bb \u200bc \u200bd\n", []wantFinding{zw("\u200b"), zw("\u200b"), zw("\u200b")}, it + "a b c d\n", Options{}},
		{"part of a disguise", "the pass\u200bword is \u200bsecret\n", []wantFinding{zw("\u200b"), zw("\u200b")}, "the password is secret\n", Options{}},
		{"beside look-alikes", "the раssword is \u200bsecret\n", []wantFinding{{report.LookalikeInWord, "р", "p"}, {report.LookalikeInWord, "а", "a"}, zw("\u200b")}, "the password is secret\n", Options{}},
	})
}

// In source code nothing invisible is incidental, as no look-alike is a
// typing slip there: a zero width space before a name makes another name
// ("\u200badmin"), however long the file.
func TestIncidentalInCode(t *testing.T) {
	src := strings.Repeat("// count the entries of the table and return the total\nfunc total(xs []int) int {\n\tn := 0\n\tfor _, x := range xs {\n\t\tn += x\n\t}\n\treturn n\n}\n", 2)
	in := src + "func check(user string) bool {\n\treturn \u200badmin(user)\n}\n"
	checkCases(t, []detectorCase{
		{"before a name", in, []wantFinding{{report.Invisible, "\u200b", ""}}, src + "func check(user string) bool {\n\treturn admin(user)\n}\n", Options{Mode: Code}},
		{"the same text as prose", in, nil, "", Options{}},
	})
}

// A C1 control that is a byte of a UTF-8 character read as Latin-1 is
// mojibake: damage, reported at info. A C1 control on its own is still a
// warning.
func TestMojibake(t *testing.T) {
	checkCases(t, []detectorCase{
		{"an accented capital", "DESCRIPCIÃ\u0093N\n       Si un proceso fakeroot quiere\n", nil, "", Options{}},
		{"an em dash", "read I/O operationsâ\u0080\u0094that is, system calls\n", nil, "", Options{}},
		{"a lone C1 control", "a command \u009b2J that clears the screen\n", []wantFinding{{report.ControlChar, "\u009b", "-"}}, "", Options{}},
		{"after a letter that leads nothing", "the byte z\u0093 alone\n", []wantFinding{{report.ControlChar, "\u0093", "-"}}, "", Options{}},
		// C2 9B is the UTF-8 of U+009B itself: "Â" before any C1 control
		// would pass it off as damage.
		{"a control read as the control it encodes", "Press Â\u009b2J to continue\n", []wantFinding{{report.ControlChar, "\u009b", "-"}}, "", Options{}},
		{"a control after a whole character", "DESCRIPCIÃ\u0093\u0094N\n", []wantFinding{{report.ControlChar, "\u0094", "-"}}, "", Options{}},
		// A command sequence is a command whatever letter stands before
		// its introducer: "Ã\u009b" would be mojibake of Û.
		{"a CSI command after a lead byte", "Press Ã\u009b2J to continue\n", []wantFinding{{report.ControlChar, "\u009b", "-"}}, "", Options{}},
		{"an OSC command after a lead byte", "copy Ã\u009d52;c;ZWNobw==\u0007 here\n", []wantFinding{{report.ControlChar, "\u009d", "-"}}, "", Options{}},
		{"curly quotes read as Latin-1", "the â\u0080\u009cquoted wordsâ\u0080\u009d and â\u0080\u009b1â\u0080\u0099\n", nil, "", Options{}},
		{"a next line read as itself", "one line Â\u0085 and the next\n", []wantFinding{{report.ControlChar, "\u0085", "-"}}, "", Options{}},
	})
}

// A styled or foreign letter shaped like I and l keeps its own case when
// nothing in the word says otherwise: a small one at the start of a word
// is an l even before a consonant ("𝚕dd"), a capital one there is an I
// before a consonant and an l before a vowel. A shape that shows no case
// of its own (an alef, a digit one, a capital of another style than the
// letter after it) starts a short word in the middle of a sentence as an
// l: capital I starts "In", "It", "Is" at the start of a sentence, while
// "ls", "ld" and "ldd" are commands, written after a prompt, a path or a
// word.
func TestShapeOfIAndL(t *testing.T) {
	caps := strings.Repeat("ALTER DOMAIN ADD CONSTRAINT CHECK MAINTAIN DOMAIN.\n", 3)
	ifs := strings.Repeat("If it fails, try again. If not, stop. If so, go on.\n", 3)
	fl := func(text, repl string) wantFinding { return wantFinding{report.FancyLetter, text, repl} }
	lw := func(text, repl string) wantFinding { return wantFinding{report.LookalikeInWord, text, repl} }
	checkCases(t, []detectorCase{
		{"an alef after a prompt", "    $ \U0001EE80𝗱𝑑 /bin/ls\n", []wantFinding{lw("\U0001EE80", "l"), fl("𝗱", "d"), fl("𝑑", "d")}, "    $ ldd /bin/ls\n", Options{}},
		{"a caseless letter after a path", "list it with /\U00010309𐑈 -l\n", []wantFinding{{report.LookalikeWord, "\U00010309", "l"}, {report.LookalikeWord, "𐑈", "s"}}, "list it with /ls -l\n", Options{}},
		{"a capital of another style after a word", "the linker (see 𝝞𝖽.so(8)) with\n", []wantFinding{lw("𝝞", "l"), fl("𝖽", "d")}, "the linker (see ld.so(8)) with\n", Options{}},
		{"a palochka after a word", "the linux-vdso and Ӏd-linux objects\n", []wantFinding{lw("Ӏ", "l")}, "the linux-vdso and ld-linux objects\n", Options{}},
		{"a roman numeral before a plain letter", "interpreter other than Ⅰd-linux.so, some\n", []wantFinding{lw("Ⅰ", "l")}, "interpreter other than ld-linux.so, some\n", Options{}},
		{"a latin iota after it is a vowel", "libc.so.6 => /Ｉɩ𝖻64/libc.so.6\n", []wantFinding{fl("Ｉ", "l"), lw("ɩ", "i"), fl("𝖻", "b")}, "libc.so.6 => /lib64/libc.so.6\n", Options{}},
		{"a caseless letter opening a sentence", "It works. \U0001EE80𝗇 the hall.\n", []wantFinding{lw("\U0001EE80", "I"), fl("𝗇", "n")}, "It works. In the hall.\n", Options{}},
		{"a caseless letter opening a line", "\U0001EE80𝗇 the hall.\n", []wantFinding{lw("\U0001EE80", "I"), fl("𝗇", "n")}, "In the hall.\n", Options{}},
		{"a caseless letter in a title", "Protests Grow \U0001EE80𝗇 Harbour\n", []wantFinding{lw("\U0001EE80", "I"), fl("𝗇", "n")}, "Protests Grow In Harbour\n", Options{}},
		{"a caseless letter opening a long name", "prices in \U0001EE80𝗇𝖽𝗂𝖺 rose\n", []wantFinding{lw("\U0001EE80", "I"), fl("𝗇", "n"), fl("𝖽", "d"), fl("𝗂", "i"), fl("𝖺", "a")}, "prices in India rose\n", Options{}},
		// Before a caseless look-alike of a small vowel, a capital shape
		// opens a word as an l does before the vowel itself.
		{"a capital styled I before a caseless vowel", "lock for fast user-space ℑہck and semaphores\n", []wantFinding{fl("ℑ", "l"), lw("ہ", "o")}, "lock for fast user-space lock and semaphores\n", Options{}},
		{"a capital styled I before a digit for a vowel", "the judge can 𝐼౦wer the sentence\n", []wantFinding{fl("𝐼", "l"), lw("౦", "o")}, "the judge can lower the sentence\n", Options{}},
		// A block that writes no capital I, and shapes of it beside
		// capitals, swapped its every I (the raid tool's homoglyph attack):
		// a shape after a small letter opens a part of a name there.
		{"a block that swapped every capital I", "The URΙ and the ΙD of the call to EVP_DigestSignΙnit are logged locally, as all calls are.\n", []wantFinding{lw("Ι", "I"), lw("Ι", "I"), lw("Ι", "I")}, "The URI and the ID of the call to EVP_DigestSignInit are logged locally, as all calls are.\n", Options{}},
		{"alone in a block that swapped every capital I", "l l l l\nSet the URΙ and the ΙD, as Ι said: all calls are logged locally.\n", []wantFinding{lw("Ι", "I"), lw("Ι", "I"), {report.LookalikeWord, "Ι", "I"}}, "l l l l\nSet the URI and the ID, as I said: all calls are logged locally.\n", Options{}},
		{"a zero width space before the shape", "Sentences. If so, If not, If ever.\nThe deseria\u200bӀfunc is set.\n", []wantFinding{{report.Invisible, "\u200b", ""}, lw("Ӏ", "l")}, "Sentences. If so, If not, If ever.\nThe deserialfunc is set.\n", Options{}},
		{"the second of two shapes inside a word", "Is it? Is he? Is she? Tools, calls, pulls. She teӀӀs.\n", []wantFinding{lw("Ӏ", "l"), lw("Ӏ", "l")}, "Is it? Is he? Is she? Tools, calls, pulls. She tells.\n", Options{}},
		{"a capital shape after a prompt", "List them:\n    $ Іs -l hooks\n", []wantFinding{lw("І", "l")}, "List them:\n    $ ls -l hooks\n", Options{}},
		{"a small styled l before a consonant", "Run 𝚕𝚍𝚍 on it.\n", []wantFinding{fl("𝚕", "l"), fl("𝚍", "d"), fl("𝚍", "d")}, "Run ldd on it.\n", Options{}},
		{"a capital styled I before a consonant", "We met 𝐈𝐧 the hall.\n", []wantFinding{fl("𝐈", "I"), fl("𝐧", "n")}, "We met In the hall.\n", Options{}},
		{"after a styled small letter", "its wiＩ𝘥Ｉy popular app\n", []wantFinding{fl("Ｉ", "l"), fl("𝘥", "d"), fl("Ｉ", "l")}, "its wildly popular app\n", Options{}},
		{"a capital styled I between small letters", "a wild𝐈y popular app\n", []wantFinding{fl("𝐈", "l")}, "a wildly popular app\n", Options{}},
		// A word styled throughout keeps the case of each letter; the
		// letters encoded before the mathematical alphabets (ℕ, ℎ) are of
		// the style whose gaps they fill.
		{"a capital I in a word styled throughout", "see 𝐃𝐫𝐨𝐩𝐈𝐧𝐏𝐚𝐭𝐡𝐬\n", []wantFinding{fl("𝐃", "D"), fl("𝐫", "r"), fl("𝐨", "o"), fl("𝐩", "p"), fl("𝐈", "I"), fl("𝐧", "n"), fl("𝐏", "P"), fl("𝐚", "a"), fl("𝐭", "t"), fl("𝐡", "h"), fl("𝐬", "s")}, "see DropInPaths\n", Options{}},
		{"a capital I in a double-struck word", "see 𝕄𝕒𝕡𝕀ℕ𝕗𝕠\n", []wantFinding{fl("𝕄", "M"), fl("𝕒", "a"), fl("𝕡", "p"), fl("𝕀", "I"), fl("ℕ", "N"), fl("𝕗", "f"), fl("𝕠", "o")}, "see MapINfo\n", Options{}},
		// After the capital that opens a word, before its small letters,
		// whatever pairs the block's capitals make ("AI" in "DOMAIN").
		{"second letter of a capitalised word", caps + "NOTES: AІthough ALTER DOMAIN ADD CONSTRAINT checks.\n", []wantFinding{lw("І", "l")}, caps + "NOTES: Although ALTER DOMAIN ADD CONSTRAINT checks.\n", Options{}},
		{"a plural of capitals", caps + "The AІs of the DOMAIN.\n", []wantFinding{lw("І", "I")}, caps + "The AIs of the DOMAIN.\n", Options{}},
		{"a part of a word in capitals and small letters", caps + "Set RemainAfterEӀapse= in the DOMAIN.\n", []wantFinding{lw("Ӏ", "l")}, caps + "Set RemainAfterElapse= in the DOMAIN.\n", Options{}},
		{"after a look-alike of a small letter", caps + "DеӀеtе the DOMAIN.\n", []wantFinding{lw("е", "e"), lw("Ӏ", "l"), lw("е", "e"), lw("е", "e")}, caps + "Delete the DOMAIN.\n", Options{}},
		{"a capital and two shapes", caps + "AӀӀ of the DOMAIN.\n", []wantFinding{lw("Ӏ", "l"), lw("Ӏ", "l")}, caps + "All of the DOMAIN.\n", Options{}},
		{"a capital, two shapes and small letters", caps + "AӀӀocate the DOMAIN.\n", []wantFinding{lw("Ӏ", "l"), lw("Ӏ", "l")}, caps + "Allocate the DOMAIN.\n", Options{}},
		{"a roman numeral", caps + "Chapter XӀӀ of the DOMAIN.\n", []wantFinding{lw("Ӏ", "I"), lw("Ӏ", "I")}, caps + "Chapter XII of the DOMAIN.\n", Options{}},
		{"after the apostrophe of a contraction", "I’ӀӀ break it down, and we’ӀӀ see.\n", []wantFinding{lw("Ӏ", "l"), lw("Ӏ", "l"), lw("Ӏ", "l"), lw("Ӏ", "l")}, "I’ll break it down, and we’ll see.\n", Options{}},
		{"a caseless shape after the capital", caps + "NOTES: A\U0001EE00though ALTER DOMAIN ADD CONSTRAINT checks.\n", []wantFinding{lw("\U0001EE00", "l")}, caps + "NOTES: Although ALTER DOMAIN ADD CONSTRAINT checks.\n", Options{}},
		{"a capital, a styled shape and a roman numeral", "They met. 𝖠ℑⅼ of them came.\n", []wantFinding{fl("𝖠", "A"), fl("ℑ", "l"), {report.LookalikeInWord, "ⅼ", "l"}}, "They met. All of them came.\n", Options{}},
		{"after a shape that follows a small letter", "the 𝐧uƖⅠ pointer\n", []wantFinding{fl("𝐧", "n"), lw("Ɩ", "l"), lw("Ⅰ", "l")}, "the null pointer\n", Options{}},
		{"a small l in a Cyrillic word of capitals", "Збой [ПРАФlЛЯВАЛЬНЫЯ_ДАНЫЯ] і ўсё\n", []wantFinding{lw("l", "І")}, "Збой [ПРАФІЛЯВАЛЬНЫЯ_ДАНЫЯ] і ўсё\n", Options{}},
		{"a capital and two styled shapes", "They met. ᗅ𝙄𝘐 of them came.\n", []wantFinding{lw("ᗅ", "A"), fl("𝙄", "l"), fl("𝘐", "l")}, "They met. All of them came.\n", Options{}},
		{"after a symbol shaped like a small letter", "The 𝐎˛𝕀 prices rose.\n", []wantFinding{fl("𝐎", "O"), {report.LookalikeInWord, "˛", "i"}, fl("𝕀", "l")}, "The Oil prices rose.\n", Options{}},
		// Pairs inside words say nothing of a word's first letter ("lt" in
		// "result", "default"), and a word in capitals keeps its case
		// whatever the block spells in small letters ("URL").
		{"opening a sentence in a block of inner pairs", strings.Repeat("The result is the default, built by the adult.\n", 3) + "Done. Ιt fails.\n", []wantFinding{lw("Ι", "I")}, strings.Repeat("The result is the default, built by the adult.\n", 3) + "Done. It fails.\n", Options{}},
		{"a word in capitals beside one the block writes", "See the URL and the URΙ here.\n", []wantFinding{lw("Ι", "I")}, "See the URL and the URI here.\n", Options{}},
		{"a word in capitals the block writes in small letters", "See urn, url and the URΙ here.\n", []wantFinding{lw("Ι", "I")}, "See urn, url and the URI here.\n", Options{}},
		{"a word the block writes only in capitals", "Lines end in LF or CR LF.\n\nΙf the last one has none, it is added.\n", []wantFinding{lw("Ι", "I")}, "Lines end in LF or CR LF.\n\nIf the last one has none, it is added.\n", Options{}},
		{"a short capitalised word", caps + "AІl of the DOMAIN.\n", []wantFinding{lw("І", "l")}, caps + "All of the DOMAIN.\n", Options{}},
		// Inside a word, pairs that open words say nothing: "If" opens
		// sentences, "eIf" is no word.
		{"inside a word, after sentences opening with If", ifs + "You must do it yourseӀf.\n", []wantFinding{lw("Ӏ", "l")}, ifs + "You must do it yourself.\n", Options{}},
		// A shape alone is the letter the block writes alone more often.
		{"alone among column formats", "l l l l\nl l Ӏ l\n", []wantFinding{{report.LookalikeWord, "Ӏ", "l"}}, "l l l l\nl l l l\n", Options{}},
	})
}

// A Latin letter beyond ASCII that looks like an ASCII one (ı, ɩ, ʋ) is one
// more disguise in a word whose other letters are disguised, even where the
// block has too few plain words to compare its neighbours with; alone in a
// plain word it needs that evidence, so Turkish and Ewe words stay.
func TestAlternatesInDisguisedWords(t *testing.T) {
	checkCases(t, []detectorCase{
		{"iota beside styled letters", "see 𝚕ɩ𝖻64 now\n", []wantFinding{{report.FancyLetter, "𝚕", "l"}, {report.LookalikeInWord, "ɩ", "i"}, {report.FancyLetter, "𝖻", "b"}}, "see lib64 now\n", Options{}},
		{"dotless i beside a cyrillic letter", "the kеrnеl wıth modules\n", []wantFinding{{report.LookalikeInWord, "е", "e"}, {report.LookalikeInWord, "е", "e"}}, "the kernel wıth modules\n", Options{}},
		{"dotless i in a disguised word", "the kernel wıthоut modules\n", []wantFinding{{report.LookalikeInWord, "ı", "i"}, {report.LookalikeInWord, "о", "o"}}, "the kernel without modules\n", Options{}},
		{"a short turkish text with a disguise", "Dosya kаpalı, lütfen tekrar deneyin.\n", []wantFinding{{report.LookalikeInWord, "а", "a"}}, "Dosya kapalı, lütfen tekrar deneyin.\n", Options{}},
		{"a turkish word alone", "Merhaba, bu ılık bir gün.\n", nil, "", Options{}},
		// In a block that has restored other words, a rare one inside a
		// word is one more; a letter alone may be the letter itself.
		{"in a block of disguised words", "Тhе driver adds sʋpport for difƒerent dеvices.\n", []wantFinding{{report.LookalikeInWord, "Т", "T"}, {report.LookalikeInWord, "е", "e"}, {report.LookalikeInWord, "ʋ", "u"}, {report.LookalikeInWord, "ƒ", "f"}, {report.LookalikeInWord, "е", "e"}}, "The driver adds support for different devices.\n", Options{}},
		{"a letter alone in a block of disguised words", "Тhе Turkish layout swaps \"i\" and \"ı\" on its kеуs.\n", []wantFinding{{report.LookalikeInWord, "Т", "T"}, {report.LookalikeInWord, "е", "e"}, {report.LookalikeInWord, "е", "e"}, {report.LookalikeInWord, "у", "y"}}, "The Turkish layout swaps \"i\" and \"ı\" on its keys.\n", Options{}},
		// The pairs of small letters that open words count: "it" says
		// that a t follows an i.
		{"dotless i where the block writes it", "Is it on? It is. Put it in it, it is in it, so it is it.\nGo wıth it.\n", []wantFinding{{report.LookalikeInWord, "ı", "i"}}, "Is it on? It is. Put it in it, it is in it, so it is it.\nGo with it.\n", Options{}},
	})
	// The message gives the evidence that was used: in a short text there
	// is no rest of the text to compare with.
	for _, f := range scanString(t, "see 𝚕ɩ𝖻64 now\n", Options{}).Findings {
		if f.Text == "ɩ" && !strings.Contains(f.Message, "other disguised letters") {
			t.Errorf("message %q does not say why", f.Message)
		}
	}
}

// In the scripts of India a joiner shapes the conjunct of a virama. One
// between two letters that no virama explains is inserted: a disguise when
// there are several, what a translator left when it is one in a long text.
func TestStrayJoiners(t *testing.T) {
	zw := func(text string) wantFinding { return wantFinding{report.Invisible, text, ""} }
	hi := strings.Repeat("यह प्रोग्राम फ़ाइल को खोलता है और उसकी जाँच करता है।\n", 6)
	dz := strings.Repeat("ཐོན་རིམ་འདི་ཡིག་ཆ་ཁ་ཕྱེ་ནི་དང་བརྟག་ཞིབ་འབད་ནི།\n", 6)
	checkCases(t, []detectorCase{
		{"after a virama", "क्\u200dष और क्\u200cष अलग दिखते हैं।\n", nil, "", Options{}},
		{"many between letters", "संस्कर\u200cण एक मद पा\u200cने में ग\u200cलत\n", []wantFinding{zw("\u200c"), zw("\u200c"), zw("\u200c")}, "संस्करण एक मद पाने में गलत\n", Options{}},
		{"one left in a long text", hi + "खबर स\u200dवाद\n", nil, "", Options{}},
		{"a zwj before a virama", "র\u200d্যাব এবং র\u200d্যান্ডম\n", nil, "", Options{}},
		{"a zwnj before a virama", "क\u200c्ष और\n", []wantFinding{zw("\u200c")}, "क्ष और\n", Options{}},
		{"between digits", "संख्या १\u200c२ है\n", []wantFinding{zw("\u200c")}, "संख्या १२ है\n", Options{}},
		// Tibetan, Khmer and Burmese writers leave no stray joiners.
		{"one in a long Tibetan text", dz + "ཚུག\u200dས།\n", []wantFinding{zw("\u200d")}, dz + "ཚུགས།\n", Options{}},
		{"in Khmer, after the coeng", "ក្\u200cស និង ក្\u200dស\n", nil, "", Options{}},
		{"in Burmese, between letters", "မြ\u200cန်မာ\n", []wantFinding{zw("\u200c")}, "မြန်မာ\n", Options{}},
	})
	// The message says where the joiner is: next to a virama it may be,
	// but not after one.
	for _, f := range scanString(t, "क\u200c्ष और\n", Options{}).Findings {
		if f.Kind == report.Invisible && strings.Contains(f.Message, "away from any virama") {
			t.Errorf("message %q: the joiner stands right before a virama", f.Message)
		}
	}
}

// Greek writes σ inside a word and ς at its end, so a Latin o that ends a
// Greek word stands for ο, however the pairs around it lean.
func TestFinalSigma(t *testing.T) {
	// "ισ" is everywhere, "ιο" nowhere: pairs alone would choose σ.
	el := strings.Repeat("Η ισχύς της ιστορίας και ο ιστός της πίστης.\n", 4)
	in := func(text, repl string) wantFinding { return wantFinding{report.LookalikeInWord, text, repl} }
	checkCases(t, []detectorCase{
		{"omicron at the end of a word", el + "Το δημόσιo κλειδί λείπει.\n", []wantFinding{in("o", "ο")}, el + "Το δημόσιο κλειδί λείπει.\n", Options{RestoreSlips: true}},
		{"before an apostrophe", el + "Το δημόσιo' κλειδί λείπει.\n", []wantFinding{in("o", "ο")}, el + "Το δημόσιο' κλειδί λείπει.\n", Options{RestoreSlips: true}},
		{"sigma inside the word still chosen", el + "Η ιoτορία και η πίoτη.\n", []wantFinding{in("o", "σ"), in("o", "σ")}, el + "Η ιστορία και η πίστη.\n", Options{RestoreSlips: true}},
	})
}

// Where the block does not write the word, its own statistics of letters
// decide between σ and ο: its stems ("ιστορία" for "ιoτορικό"), with
// accents set aside ("αριθμός" shows "θμο" for "αριθμoύ"), and where it
// has not written a cluster, how it writes its other s-clusters ("στ",
// "σκ", "σπ" for the "σμ" of "άoμα").
func TestSpellingModel(t *testing.T) {
	in := func(text, repl string) wantFinding { return wantFinding{report.LookalikeInWord, text, repl} }
	accents := strings.Repeat("Ο αριθμός και ο αριθμό της σειράς, το σύστημα και η σύνδεση.\n", 3)
	stems := strings.Repeat("Το βιολί του ραδιοφώνου στο σπίτι, ο σκοπός της ιστορίας και το κόμμα.\n", 3)
	clusters := strings.Repeat("Ο σκοπός, η στάση, το σπίτι, το σχέδιο και η σφαίρα του κόμματος.\n", 3)
	checkCases(t, []detectorCase{
		{"the stem the block writes", stems + "Το ιoτορικό αρχείο.\n", []wantFinding{in("o", "σ")}, stems + "Το ιστορικό αρχείο.\n", Options{RestoreSlips: true}},
		{"accents set aside", accents + "Η τιμή του αριθμoύ είναι λάθος.\n", []wantFinding{in("o", "ο")}, accents + "Η τιμή του αριθμού είναι λάθος.\n", Options{RestoreSlips: true}},
		{"an s-cluster the block has not written", clusters + "Το άoμα.\n", []wantFinding{in("o", "σ")}, clusters + "Το άσμα.\n", Options{RestoreSlips: true}},
		// A block of one line says little; the script's sample says the rest.
		{"little Greek: sigma opens a cluster", "Το μήνυμα δεν oτάλθηκε.\n", []wantFinding{in("o", "σ")}, "Το μήνυμα δεν στάλθηκε.\n", Options{}},
		{"little Greek: sigma closes a syllable", "Η πρόoβαση απαγορεύεται.\n", []wantFinding{in("o", "σ")}, "Η πρόσβαση απαγορεύεται.\n", Options{}},
		{"little Greek: sigma opens a prefix", "Η ομάδα oυνεχίζει.\n", []wantFinding{in("o", "σ")}, "Η ομάδα συνεχίζει.\n", Options{}},
		{"little Greek: omicron opens a function word", "Δεν βρέθηκε oύτε ένα.\n", []wantFinding{in("o", "ο")}, "Δεν βρέθηκε ούτε ένα.\n", Options{}},
		// Three letters of history: a longer one, seen a few times in the
		// sample, rules out what it has not seen after it.
		{"little Greek: omicron after a consonant", "Η διεύθυνση του τoπικού δικτύου.\n", []wantFinding{in("o", "ο")}, "Η διεύθυνση του τοπικού δικτύου.\n", Options{}},
		{"little Greek: a place name", "Κίνα - Σιτσουάν, Γιoυνάν, Γκουανξί\n", []wantFinding{in("o", "ο")}, "Κίνα - Σιτσουάν, Γιουνάν, Γκουανξί\n", Options{}},
	})
}

// A message of a catalogue opens with an article or a preposition as a
// sentence does: a Latin capital that opens a line stands for the
// one-letter word where it opens no other line or the block opens as many
// lines with that word in its own letters, and the text shows a disguise
// beyond one typing slip.
func TestCapitalOpensLine(t *testing.T) {
	lw := func(text, repl string) wantFinding { return wantFinding{report.LookalikeWord, text, repl} }
	in := func(text, repl string) wantFinding { return wantFinding{report.LookalikeInWord, text, repl} }
	el := "Η λήψη απέτυχε\nΟ τύπος του αρχείου είναι άγνωστος\nΗ σύνδεση έκλεισε\nΟ κατάλογος δεν υπάρχει\n"
	disguised := "Η εικόνα δεν είναι έγκυρη για τον τύπo του αρχείoυ\n"
	restored := "Η εικόνα δεν είναι έγκυρη για τον τύπο του αρχείου\n"
	bg := "Файлът не е локален и не може да бъде изтрит\nПапката не мoже да бъде създадена в тoзи каталог\n"
	sr := "У реду\nУсправни положај садржаног елемента\nY поравнање\nY попуна садржаног елемента\nПоложај текста у прозoру и у пoљу\n"
	checkCases(t, []detectorCase{
		{"an article opens a message", el + disguised + "H διεύθυνση του συνδέσμου\n", []wantFinding{in("o", "ο"), in("o", "ο"), lw("H", "Η")}, el + restored + "Η διεύθυνση του συνδέσμου\n", Options{}},
		{"after a format directive and a colon", el + disguised + "%s: O χρήστης υπάρχει ήδη\n", []wantFinding{in("o", "ο"), in("o", "ο"), lw("O", "Ο")}, el + restored + "%s: Ο χρήστης υπάρχει ήδη\n", Options{}},
		{"a name opens more lines than the word", sr, []wantFinding{in("o", "о"), in("o", "о")}, strings.ReplaceAll(sr, "o", "о"), Options{}},
		{"no disguise besides it", el + "H διεύθυνση του συνδέσμου\n", nil, "", Options{}},
		{"as many lines as the word", el + disguised + "H διεύθυνση του συνδέσμου\nH αρχική θέση του παραθύρου\nH άδεια του προγράμματος\n", []wantFinding{in("o", "ο"), in("o", "ο"), lw("H", "Η"), lw("H", "Η"), lw("H", "Η")}, el + restored + "Η διεύθυνση του συνδέσμου\nΗ αρχική θέση του παραθύρου\nΗ άδεια του προγράμματος\n", Options{}},
		{"the only line the Latin letter opens", bg + "B голо хранилище не може да се извърши тази операция\n", []wantFinding{in("o", "о"), in("o", "о"), lw("B", "В")}, strings.ReplaceAll(bg, "o", "о") + "В голо хранилище не може да се извърши тази операция\n", Options{}},
	})
}

// The letter model looks three letters back (maxOrder): after "κασ" the
// block writes "α", though after "ασ" alone it writes "ι" more often.
func TestLetterModelOrder(t *testing.T) {
	m := newLetterModel()
	for _, w := range []string{"κασα", "κασα", "μασι", "μασι", "μασι"} {
		m.add(append(append([]rune{0}, []rune(w)...), 0))
	}
	kas, as := []rune{0, 'κ', 'α', 'σ'}, []rune{0, 'α', 'σ'}
	if a, i := m.prob(kas, 4, 'α'), m.prob(kas, 4, 'ι'); a <= i {
		t.Errorf("after κασ: P(α) = %.3f, P(ι) = %.3f; want α likelier", a, i)
	}
	if a, i := m.prob(as, 3, 'α'), m.prob(as, 3, 'ι'); a >= i {
		t.Errorf("after ασ alone: P(α) = %.3f, P(ι) = %.3f; want ι likelier", a, i)
	}
}

// A letter joined to a word of the script by a slash or in parentheses is
// part of it: a unit ("Мбит/с"), an abbreviation ("с/у"), an ending
// ("байт(а)"). A Latin one there stands for the script's letter.
func TestAttachedLetters(t *testing.T) {
	lw := func(text, repl string) wantFinding { return wantFinding{report.LookalikeWord, text, repl} }
	checkCases(t, []detectorCase{
		{"a unit after a slash", "Ограничить пропускную способность в Мбит/c.\nЗначение предела скорости.\n", []wantFinding{lw("c", "с")}, "Ограничить пропускную способность в Мбит/с.\nЗначение предела скорости.\n", Options{}},
		{"an abbreviation before a slash", "Зависимости от типа „В конфликт c/Предварително зависи от“.\n", []wantFinding{lw("c", "с")}, "Зависимости от типа „В конфликт с/Предварително зависи от“.\n", Options{}},
		{"an ending in parentheses", "Размер %jd байт(a): управляющий архив длиной %jd байт.\n", []wantFinding{lw("a", "а")}, "Размер %jd байт(а): управляющий архив длиной %jd байт.\n", Options{}},
		{"latin on both sides of the slash", "Ошибка ввода I/O при чтении файла с диска.\n", nil, "", Options{}},
	})
}

// Short words beside a mathematical sign may mix Greek and Latin letters
// as a formula's symbols do, unless the block writes the word in Greek
// (then it is a word of the sentence that a disguise touched) or mixes
// Greek letters into longer words too.
func TestWordsBesideSigns(t *testing.T) {
	in := func(text, repl string) wantFinding { return wantFinding{report.LookalikeInWord, text, repl} }
	el := strings.Repeat("Η τιμή του αρχείου και η τιμή του καταλόγου σε κάθε σύστημα.\n", 2)
	checkCases(t, []detectorCase{
		{"a word before a sign", el + "Άδειες %03lo (χρειάζεται >=0755 κaι <=0775)\n", []wantFinding{in("a", "α")}, el + "Άδειες %03lo (χρειάζεται >=0755 και <=0775)\n", Options{RestoreSlips: true}},
		{"a word before a placeholder", el + "Η τιμή τoυ <%s> πρέπει να είναι ακέραιος\n", []wantFinding{in("o", "ο")}, el + "Η τιμή του <%s> πρέπει να είναι ακέραιος\n", Options{RestoreSlips: true}},
		{"a shared shape among the choices", el + "Αναφορές σφαλμάτων oε <%s>.\n", []wantFinding{in("o", "σ")}, el + "Αναφορές σφαλμάτων σε <%s>.\n", Options{RestoreSlips: true}},
		{"symbols of a formula", el + "Η συνάρτηση αx + β είναι γραμμική.\n", nil, "", Options{}},
		{"symbols of formulas in English", "The line αx + β crosses at kσ = 2, and the density ρ = m/V holds.\n", nil, "", Options{}},
		// Where the block mixes Greek letters into longer words, no formula
		// explains a short word beside a sign.
		{"beside a sign in a disguised block", "The gιven passwοrd is not checked:\n    keγ = NULL;\n", []wantFinding{in("ι", "i"), in("ο", "o"), in("γ", "y")}, "The given password is not checked:\n    key = NULL;\n", Options{}},
		{"a lone letter in a disguised block", "The gιven passwοrd is not checked: r = 8, ρ = 1.\n", []wantFinding{in("ι", "i"), in("ο", "o"), {report.LookalikeWord, "ρ", "p"}}, "The given password is not checked: r = 8, p = 1.\n", Options{}},
		{"a quoted letter in a block disguised with Cyrillic", "The key \"е\" hоlds the publiс exponent.\n", []wantFinding{{report.LookalikeWord, "е", "e"}, in("о", "o"), in("с", "c")}, "The key \"e\" holds the public exponent.\n", Options{}},
		{"a letter of another script in a block disguised with it", "The trꓮnsaction usꓰs a 𐌁-tree index.\n", []wantFinding{in("ꓮ", "A"), in("ꓰ", "E"), {report.LookalikeWord, "𐌁", "B"}}, "The trAnsaction usEs a B-tree index.\n", Options{}},
		{"a quoted letter, one disguised word", "Thе key \"е\" holds the public exponent.\n", []wantFinding{in("е", "e")}, "The key \"е\" holds the public exponent.\n", Options{}},
		{"beside a sign, one disguised word", "The gιven password is not checked:\n    keγ = NULL;\n", []wantFinding{in("ι", "i")}, "The given password is not checked:\n    keγ = NULL;\n", Options{}},
	})
}

// The ending of an ordinal is written in the script of the text: after a
// hyphen in Russian and Bulgarian ("6-о", "4-х"), against the digits in
// Greek ("3ο"). Letters against digits are otherwise numbers and units.
func TestOrdinalEndings(t *testing.T) {
	lw := func(text, repl string) wantFinding { return wantFinding{report.LookalikeWord, text, repl} }
	el := "Το αριστερό Win επιλέγει 5ο επίπεδο και το δεξί Alt το 3ο επίπεδο.\n"
	checkCases(t, []detectorCase{
		{"after a hyphen", "Интервал без разделяне на 6-o ниво (с Ctrl+Shift)\n", []wantFinding{lw("o", "о")}, "Интервал без разделяне на 6-о ниво (с Ctrl+Shift)\n", Options{}},
		{"against the digits in greek", el + "Το Caps Lock επιλέγει 3o επίπεδο.\n", []wantFinding{lw("o", "ο")}, el + "Το Caps Lock επιλέγει 3ο επίπεδο.\n", Options{RestoreSlips: true}},
		{"a file name", "не вдалося знайти ia64-ic.tbl для читання\n", nil, "", Options{}},
		{"numbers and units", "значение 0x1F и размер 10b в байтах для этого поля\n", nil, "", Options{}},
	})
}

// The function words of a language (articles, prepositions, conjunctions,
// short pronouns) are known without the block writing them elsewhere; a
// Latin word on the line before, or across the gap of a table's columns,
// does not put them in an English sentence.
func TestFunctionWords(t *testing.T) {
	lw := func(text, repl string) wantFinding { return wantFinding{report.LookalikeWord, text, repl} }
	in := func(text, repl string) wantFinding { return wantFinding{report.LookalikeInWord, text, repl} }
	checkCases(t, []detectorCase{
		{"a russian particle", "Файл найден, но He удалось открыть его для записи.\n", []wantFinding{lw("H", "Н"), lw("e", "е")}, "Файл найден, но Не удалось открыть его для записи.\n", Options{}},
		{"a greek particle", "Η ρύθμιση θa γίνει αργότερα από τον διαχειριστή.\n", []wantFinding{in("a", "α")}, "Η ρύθμιση θα γίνει αργότερα από τον διαχειριστή.\n", Options{}},
		{"across a column gap", "  -T, --exclude-table=PATTERN  va ΜΗΝ αποθέτει τους καθορισμένους πίνακες\n", []wantFinding{lw("v", "ν"), lw("a", "α")}, "  -T, --exclude-table=PATTERN  να ΜΗΝ αποθέτει τους καθορισμένους πίνακες\n", Options{}},
		{"on the line after a latin word", "Να σταλεί το σήμα; (y/N) \nTo όνομα του αρχείου δεν υπάρχει.\n", []wantFinding{lw("T", "Τ"), lw("o", "ο")}, "Να σταλεί το σήμα; (y/N) \nΤο όνομα του αρχείου δεν υπάρχει.\n", Options{}},
		{"a greek preposition with a shared shape", "Υποβάλετε αναφορές oε αυτή τη διεύθυνση.\n", []wantFinding{in("o", "σ")}, "Υποβάλετε αναφορές σε αυτή τη διεύθυνση.\n", Options{}},
	})
}

// A short word between two words of a script on its line is in their
// sentence, whatever the untranslated English around it.
func TestSentenceBeforeNeighbourhood(t *testing.T) {
	lw := func(text, repl string) wantFinding { return wantFinding{report.LookalikeWord, text, repl} }
	en := "Whether the input focus is drawn around the widget\nThe height of the layout in pixels\n"
	checkCases(t, []detectorCase{
		{"between two macedonian words", en + "Големината на иконите e поставена\n" + en, []wantFinding{lw("e", "е")}, en + "Големината на иконите е поставена\n" + en, Options{}},
		{"a latin word beside it", en + "Големината на иконите e set\n" + en, nil, "", Options{}},
	})
}

// Typesetters put a soft hyphen at a syllable break of a long word now and
// then; one, or a few in a long text, stay as written. Inside a word of
// another script than the text's (an English name quoted in Hindi) no
// typesetter puts one, nor two in one word, and many hide words from
// filters.
func TestSoftHyphens(t *testing.T) {
	shy := func() wantFinding { return wantFinding{report.Invisible, "\u00ad", ""} }
	checkCases(t, []detectorCase{
		{"a syllable break in Catalan", "La lí\u00adnia d'ordres és massa llarga.\n", nil, "", Options{}},
		{"a syllable break in Armenian", "Նոր\u00adֆոլկ կղզի\n", nil, "", Options{}},
		{"inside an English name in Hindi", "संदेश में PATH या MEM\u00adBER शीर्षक क्षेत्र नहीं मिला\n", []wantFinding{shy()}, "संदेश में PATH या MEMBER शीर्षक क्षेत्र नहीं मिला\n", Options{}},
		{"inside a Latin name in Burmese", "စာသား wi\u00addget အတွက် ပြင်ဆင်မှုများကို ဤနေရာတွင် ပြောင်းလဲနိုင်သည်\n", []wantFinding{shy()}, "စာသား widget အတွက် ပြင်ဆင်မှုများကို ဤနေရာတွင် ပြောင်းလဲနိုင်သည်\n", Options{}},
		{"three in a long text", strings.Repeat("Configuration of the authentication agent and the example programs.\n", 25) + "The autentiserings\u00adagent and the eksempel\u00adprogram and the eksempel\u00adprogram.\n", nil, "", Options{}},
		{"two in one word", strings.Repeat("Configuration of the authentication agent and the example programs.\n", 12) + "The auten\u00adtiserings\u00adagent.\n", []wantFinding{shy(), shy()}, strings.Repeat("Configuration of the authentication agent and the example programs.\n", 12) + "The autentiseringsagent.\n", Options{}},
		{"many in one text", "pass\u00adword and user\u00adname and lo\u00adgin\n", []wantFinding{shy(), shy(), shy()}, "password and username and login\n", Options{}},
	})
}

// A styled digit that touches a letter or a look-alike of one, and no
// plain digit, stands for the letter it imitates ("D𝟶" is DO, "𝟭ogin1"
// login1); a word styled throughout keeps its digits ("𝐂𝐨𝐯𝐢𝐝𝟏𝟗").
func TestStyledDigitsAmongLetters(t *testing.T) {
	fl := func(text, repl string) wantFinding { return wantFinding{report.FancyLetter, text, repl} }
	md := func(text, repl string) wantFinding { return wantFinding{report.MixedDigits, text, repl} }
	checkCases(t, []detectorCase{
		{"beside one capital", "THAI CHARACTER D𝟶 DEK\n", []wantFinding{fl("𝟶", "O")}, "THAI CHARACTER DO DEK\n", Options{}},
		{"before letters and a plain digit", "Start the 𝟭ogin1 service.\n", []wantFinding{fl("𝟭", "l")}, "Start the login1 service.\n", Options{}},
		{"between letters of other styles", "the r𝔲n𝟏evel5 target\n", []wantFinding{fl("𝔲", "u"), fl("𝟏", "l")}, "the runlevel5 target\n", Options{}},
		{"beside a letter of its style among plain letters", "the 𝚛esu𝟏𝐭 is\n", []wantFinding{fl("𝚛", "r"), fl("𝟏", "l"), fl("𝐭", "t")}, "the result is\n", Options{}},
		{"beside look-alikes of letters", "the 𝐚ⅼ𝟣 of it\n", []wantFinding{fl("𝐚", "a"), {report.LookalikeInWord, "ⅼ", "l"}, fl("𝟣", "l")}, "the all of it\n", Options{}},
		{"beside a letter of its style in a word of many styles", "done 𝟷𝚊𝔱𝓮𝒓 on\n", []wantFinding{fl("𝟷", "l"), fl("𝚊", "a"), fl("𝔱", "t"), fl("𝓮", "e"), fl("𝒓", "r")}, "done later on\n", Options{}},
		{"in a word styled throughout", "Be 𝐂𝐨𝐯𝐢𝐝𝟏𝟗 free\n", []wantFinding{fl("𝐂", "C"), fl("𝐨", "o"), fl("𝐯", "v"), fl("𝐢", "i"), fl("𝐝", "d"), md("𝟏", "1"), md("𝟗", "9")}, "Be Covid19 free\n", Options{}},
		{"a styled number", "Paris 𝟐𝟎𝟐𝟒 games\n", []wantFinding{md("𝟐", "2"), md("𝟎", "0"), md("𝟐", "2"), md("𝟒", "4")}, "Paris 2024 games\n", Options{}},
	})
}
