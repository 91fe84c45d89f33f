// Package detect is plainsight's engine: one streaming pass that finds text
// disguised at the character level and proposes, for every finding, the
// replacement that restores what the writer meant.
//
// # Data flow
//
// The input is read in blocks of at most 64 KiB that end at the last line
// break of a full buffer (a longer line is cut at a space, else at a rune
// boundary). For each block:
//
//  1. A block of ASCII without control characters is checked eight bytes at
//     a time and never decoded: it can hold no finding. It only counts as
//     Latin context for the blocks after it.
//  2. Otherwise the block is decoded into cells (byte offset, rune, one
//     packed attribute word from a table built from internal/ucd). Invalid
//     UTF-8 bytes become cells of their own and findings; no byte is ever
//     dropped or altered.
//  3. Character detectors judge each character from its neighbours:
//     controls, private-use and unassigned code points, tag-character and
//     variation-selector payloads (decoded), invisible characters (legitimate
//     in emoji ZWJ sequences, next to viramas in the scripts of India and
//     the others that stack consonants with one (Tibetan, Khmer, Burmese),
//     between letters of cursive scripts, as word breaks in Thai, Khmer
//     and Burmese, and where they split no word in a text that breaks
//     words with them), bidi controls (per line, as UAX #9 resets at
//     paragraph ends), unusual spaces and stacked combining marks.
//  4. The word pass splits the block into words (letters, marks, digits and
//     the invisible characters and apostrophes between them), decides the
//     script each word is written in, and reports the letters that stand in
//     for another script's (see "The context model").
//  5. The block is judged as a whole: findings that are harmless alone
//     (a zero width space next to white space, or between Chinese or
//     Japanese characters, which need none to break lines; a joiner that
//     no virama explains in a script of India; a typographic space
//     between two words; a typing slip between keyboard layouts) are
//     reported at info and kept when they are few in a long block of
//     prose (a run of Chinese or Japanese characters counts a word per
//     two) that hides nothing else and follows no disguise; otherwise
//     (and always in source code) they are restored with the disguise.
//  6. Findings are ordered, positions (line, column in code points) are
//     computed in one walk, and the block's findings go to the caller: Scan
//     keeps up to Options.MaxFindings of them and counts the rest; Clean
//     writes the block with the replacements applied and hands each change
//     to its log.
//
// Memory is bounded by the block size, the finding cap and small per-input
// summaries (one entry per distinct substitution), whatever the input size.
//
// # The context model
//
// Unicode's confusables data says that Cyrillic "а" looks like Latin "a". It
// cannot say whether a given "а" is a disguise: in an English sentence it is,
// in a Russian one it is the word "but". The engine decides per word:
//
//   - Letters are grouped in five classes: Latin, Cyrillic, Greek, Armenian
//     (the alphabets between which letters are swapped) and other. A letter
//     is distinctive when no letter of another alphabet shares its UTS #39
//     prototype: "ж" proves Cyrillic is in use, "а" does not.
//   - Every word votes for its class: with weight 1 when it has distinctive
//     letters, 0.25 otherwise. A word's context is the votes of the six words
//     on each side (in source code, only words of the same kind: code,
//     comment or string), plus a small share of the block's and of the
//     document's votes so far.
//   - A word that mixes classes ("Belаrus", "рrосеss") is restored to the
//     class that needs the fewest swaps among those whose letters all have a
//     look-alike (in a script other than Latin, a letter of the Russian,
//     Greek or Armenian alphabet, or one whose alphabet the block shows:
//     a Latin G in Tatar text disguises no Komi "Ԍ"), preferring the
//     context's class, unless the block writes the word in the letters of
//     only one of them, which then wins; a class the context shows no
//     distinctive use of is never chosen. Two runs of different scripts,
//     each a word of its own, are a junction, not a disguise, when both
//     scripts are in use nearby and the seam shows in the case of the
//     letters ("ссылкойAll", "ПРЕФИКСab") or at an apostrophe ("sed'ом"),
//     and so are two names joined by an underscore ("ИМЯ_HOST"), unless
//     one is all look-alikes of a script in use nowhere around ("SSL_СТХ").
//     Short words next to mathematical operators may mix Greek and Latin,
//     unless the block writes the word in Greek ("κaι >=0755") or mixes
//     Greek letters into two or more longer words, as no formula does;
//     printf directives and backslash escapes ("%sФайл", "\nСтрока") are
//     syntax, not letters, and a multiplication sign between numbers is an
//     operator, while a sign shaped like x that multiplies nothing is an x,
//     also where only digits follow it ("⤫86" is x86). Another sign shaped
//     like a letter operates on a digit beside it, but not with two
//     letters on its other side ("IN⟙64" is INT64), and an equals sign
//     after a name ("RuntimeMax⋃se=") makes no line a formula. Glued between
//     two runs of two letters or more, a sign is a letter of the word
//     ("ser⋁ice") on any line: formulas join single letters ("A∪B").
//   - A word written in one class X among words of class Y is converted
//     only if every letter has a Y look-alike and X is not in use nearby
//     (no distinctive X word in the block or the document for a longer word;
//     none within the window for a one-letter word, which must also stand
//     between words like an article, not among digits like a symbol,
//     unless the block has restored two or more longer Latin words
//     disguised with letters of X: then "ρ = 1" or a quoted "е" is that
//     disguise too). Into a class other than Latin only one-letter words
//     are converted: other scripts quote Latin names and acronyms all the
//     time. Into a class
//     other than Latin, only short words are converted, wherever Latin is
//     in use around them, and only where a word of that script would
//     stand: a one-letter preposition or conjunction of its languages (or
//     one the text writes itself), not quoted, followed by what it governs
//     (a word, a number, a format directive, an option or placeholder of a
//     manual, something quoted: "с -l", "с <шаблоном>", "с „-l“"),
//     next to a word of that script (the one it governs, a format
//     directive, or the one before it, also across one name on its line:
//     "Ctrl е Meta", "с „-l“ извежда", "с GtkAdjustment която"),
//     capitalised only at a sentence
//     start (or at the start of a line or after a colon, as messages open,
//     where the Latin letter opens no other line or the block opens as
//     many lines with the word in its own letters, and the text shows more
//     than one look-alike), not in a list of letters
//     nor among letters that name things (a nearby "b" or "x" that no
//     language writes as a word); or a letter joined to a word of that
//     script by a slash or in parentheses (a unit, "Мбит/с"; an ending,
//     "байт(а)"); or the ending of an ordinal after a number ("6-о",
//     "3ο"); or a word of two or three letters that the block also
//     writes in that script's letters ("ca" for Bulgarian "са"), or a
//     function word of its languages (articles, prepositions, conjunctions:
//     "ero" for "его"), between words of that script. "по оси X," and „b“
//     name things; "Max c увеличенным" is a disguised "с". A short word
//     between two distinctive words of one script on its line is judged in
//     that script's context, however much English the lines around it hold.
//   - Mixed words are judged first, and their verdict becomes their vote, so
//     that a lone letter is judged among what its neighbours really are.
//   - What alone gets the benefit of the doubt loses it in a block that
//     shows a disguise, as the rules of this list say in detail: a lone
//     letter of a script whose look-alikes the block has restored in two
//     or more longer Latin words, a short word mixing Greek into Latin
//     beside a sign where two or more longer words mix them, and, once the
//     block has restored two or more words, a Latin stand-in inside a word
//     and a styled letter among mostly Latin words, alone or beside the
//     letters of phonetics. A disguise swaps
//     letters throughout; legitimate text that quotes a letter or writes a
//     formula restores nothing else.
//   - Where several letters share a prototype (I and l, σ and ο), the one
//     that pairs with its neighbours the way the rest of the block does
//     wins (inside a word, a capital's pairs that open words do not count:
//     "If" opens sentences, so says nothing of "yourseӀf"; opening a word,
//     only pairs that open words count: "result" says nothing of "Ιt"),
//     and a spelling the block writes makes a small l only where the block
//     writes a small letter and not among capitals ("URL" or "url" make no
//     "URl" of "URΙ", "LF" no "lf" of "Ιf"); where the block writes no capital I but small l's, and
//     shapes beside capitals ("URΙ", "ΙD"), it swapped its every I, as the
//     raid tool does: its pairs know no I, a shape after a small letter
//     opens a part of a name ("SignΙnit"), and one alone is an I however
//     often the block writes l alone; failing that,
//     case is taken from the word (a capital Ӏ after a small letter, or
//     after a look-alike of one, is an "l"), and a word-initial I/l is an
//     "l" before a vowel, or where its shape shows no case (an alef, a
//     digit one, a capital of another style than the letter after it) and
//     it opens a short word in the middle of a sentence, or whatever its
//     shape after a shell prompt: "$ ldd",
//     "/bin/ls", "see ld.so". The
//     shapes after the capital that opens a word, or part of a word, and
//     before its small letters (two or more, or one other than the s of a
//     plural) are small whatever the pairs say ("AІthough", "AІl",
//     "AӀӀocate" and "RemainAfterEӀapse" among capitals that pair "AI"),
//     as are two or more shapes after a capital that no Roman numeral
//     opens ("AӀӀ" is "All", "XӀӀ" twelve) or in the ending of a
//     contraction ("I’ӀӀ" is "I’ll"), and a shape alone is
//     the letter the block writes alone more often ("l" in a manual's
//     table formats, "I" in English prose).
//     Outside Latin, a spelling the block writes wins, else the spelling
//     letter statistics find likelier: how often each letter follows the
//     three before it in the block's words and in the script's sample text
//     (Greek, written for the project: a block of a few lines says little
//     on its own), accents set aside, down to how the script alternates
//     vowels, s and other consonants. Proper names and words the sample
//     lacks can still come out wrong.
//     A letter that has a final form is not chosen at the end of a word:
//     Greek writes ς there, so a final Latin o is ο, never σ.
//   - Latin letters beyond ASCII that share a prototype with an ASCII letter
//     (ı, ʋ, ɩ, þ, ƒ) are disguises only when they are rare in the block,
//     the block writes no letter only their alphabets have (ş or ğ beside
//     ı, ð beside þ; a letter that is itself a stand-in, like ƒ, shows no
//     alphabet), and either the ASCII letter fits their neighbours far
//     better, or other letters of their word are disguised ("𝚕ɩ𝖻"), or
//     they stand inside a word of a block that has restored two or more
//     words already: Turkish, Icelandic and Ewe text uses them throughout.
//   - A look-alike swapped between Latin and the script a long block is
//     written in (a Latin "c" in a Russian word), in a document with no
//     disguise so far, is a typing slip between keyboard layouts: reported
//     at info and kept, unless Options.RestoreSlips. One needs a block of
//     at least 20 distinctive words of that script; several need 50 such
//     words each, and one letter per word. A disguise swaps a letter in
//     every few words; typists slip once in a few hundred, and short texts
//     never qualify.
//   - Styled letters (mathematical alphanumerics, fullwidth forms outside
//     CJK text, enclosed letters, small capitals) are disguises in a styled
//     word, or inside an ordinary word; a lone mathematical letter is maths,
//     unless, away from the signs of a formula, it stands as a word does
//     (between words) and is a small letter of a style formulas do not
//     use, or it stands in a block of mostly Latin words (its mixed words
//     judged) that has restored two or more other words ("𝑎 transaction",
//     "binfmt.𝙙(5)", "U.𝔖." among words of look-alikes);
//     other scripts borrow styled Latin letters as symbols ("𝑛-орки").
//     Small capitals in a phonetic transcription are letters: beside
//     letters of IPA that imitate no ASCII letter (ə, ʃ, θ), its stress
//     marks, or between the slashes or brackets of a transcription
//     ("/ˈsɪti/", "[bɪt]"), but not in a word that also holds letters of
//     other scripts or styles, nor beside stand-ins alone ("ꭎꜱed"). A
//     small capital alone is a letter like a styled one once the block
//     has shown its disguise ("tmpfiles.ᴅ(5)"), unless it is transcribed.
//     A word styled throughout keeps the case of each of its letters
//     ("𝐃𝐫𝐨𝐩𝐈𝐧𝐏𝐚𝐭𝐡𝐬"); a styled shape of I and l among letters of other
//     styles is the letter the word around it asks for.
//     In CJK text fullwidth forms are ordinary among CJK characters ("２つ",
//     "第１章"), not between ASCII words ("man ５ apt.conf") nor as the
//     digits of a format directive ("%１$s"). A styled digit that touches
//     a letter or a look-alike of one, and no plain digit, stands for the
//     letter it imitates ("D𝟶" is DO, "𝟭ogin1" login1, "𝚛esu𝟏𝐭" result);
//     a word styled throughout in the digit's style keeps its digits
//     ("𝐂𝐨𝐯𝐢𝐝𝟏𝟗").
//
// Expected scripts (Options.Scripts) are always in use, so their words are
// never converted.
//
// # Streaming and its window
//
// Context never looks beyond the block a word is in (at most 64 KiB, whole
// lines), plus vote totals of the blocks before it. Near the start of a
// block a word therefore has fewer neighbours on one side; a line longer
// than a block is cut, and a bidi control opened before such a cut and
// closed after it is reported as left open. Results do not depend on how
// the reader delivers the bytes.
package detect
