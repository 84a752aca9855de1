/* The judge's byte loops in C (tidy/analysis/data_in_code/literalscan.py picks them, or their
 * Python twins where this was not built):
 *
 * first_mark(data, start, end): where, in data[start:end] (a value's text, from a place
 * outside any string), the first thing a Python literal cannot hold is, or -1.
 *
 * built_marks(data, start, end): the same read, passing over what a built value may hold (calls,
 * names, keyword arguments, a binary + or -, a sign before a name, a call of what a call
 * returns: a `(` right after the `)` of a call's brackets, not a tuple's, `(1, 2)(3)`,
 * unpacking) and noting each name; where the first other mark is (code: a keyword, an
 * attribute read, a subscript, an operator), or -1.
 *
 * bracket_depth(data, start, end): the statement splitter's bracket count (segments.py),
 * strings and comments passed over.
 *
 * triple_run(data, pos, floor): segments.triple_spans' loop while its plain rules decide.
 *
 * js_data(data, limit): TDY303's judgement of a .js/.ts file (jsdata.py's judge_js_in_python
 * in one pass over the bytes).
 *
 * Why in C: the judgement reads a long value on sampled windows (values.py), and what lies
 * between them is never tokenized: phonenumbers' geodata modules hold a `u('...')` call at line
 * 1,941 of 10,022, so the scan offered `tidy extract` and the extractor refused it ("use
 * --evaluate"). Before an extraction is offered, the whole value of each binding that looked
 * like a plain literal is read here once: strings and comments skipped in tight loops, every
 * other byte looked at (module51's 51 MB in ~75 ms, ~700 MB/s; the same rules in Python,
 * literalscan.py, run at ~60-80 MB/s on such tables, ~6 MB/s token by token).
 *
 * A mark is: a name outside strings other than True, False, None (a call, a name, a keyword);
 * an f-string; an operator (* / % @ < > = ! ~ & | ^ ; ` $ ?); a `.` not in a number; a binary
 * `+` or `-` (after a value: `1 - 2`, `'a' + 'b'`; literal_eval takes only `1+2j`); a sign
 * before anything but a number; a `[` or `(` after a value (a subscript, a call); a backslash
 * that does not continue a line; a string never closed. Numbers (0x1F, 1_000, 1e-5, 2j, .5) and string prefixes r, u, b, br, rb are not.
 * Nor is what ast.literal_eval takes besides (the extractor writes it without --evaluate): `...`, an
 * empty `set()`, and a complex number spelled as a sum, `1+2j` or `-1.5-2j` (a real number,
 * perhaps signed, at the start of a value, then + or -, then an imaginary one, unsigned),
 * with a number in brackets read as the number (`(1)+2j`, `-(1)`, `1+(2j)`: the brackets
 * leave no node; a sign once in all, as literal_eval takes it: `-(-1)` is a mark).
 * Where this says "no mark", ast.literal_eval would accept the text as far as tokens go; and
 * where literal_eval takes a text, this finds no mark in it.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

static int is_name_byte(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c >= 0x80;
}

/* the end of the string whose quote is at p (after its closing quote), or -1 */
static Py_ssize_t string_end(const char *d, Py_ssize_t p, Py_ssize_t end) {
    char q = d[p];
    if (p + 2 < end && d[p + 1] == q && d[p + 2] == q) {
        Py_ssize_t i = p + 3;
        while (i < end) {
            if (d[i] == '\\') { i += 2; continue; }
            if (d[i] == q && i + 2 < end && d[i + 1] == q && d[i + 2] == q) return i + 3;
            i++;
        }
        return -1;
    }
    /* a byte loop: data strings are short (4 million in a 51 MB module), and three memchr
     * calls a string cost more than looking at each byte once */
    for (Py_ssize_t i = p + 1; i < end; i++) {
        char c = d[i];
        if (c == q) return i + 1;
        if (c == '\\') i++;
        else if (c == '\n') return -1;
    }
    return -1;
}

static int is_prefix(const char *d, Py_ssize_t a, Py_ssize_t n) {
    /* r u b br rb (any case); f-strings are not literals */
    if (n == 1) {
        char c = (char)(d[a] | 0x20);
        return c == 'r' || c == 'u' || c == 'b';
    }
    if (n == 2) {
        char c0 = (char)(d[a] | 0x20), c1 = (char)(d[a + 1] | 0x20);
        return (c0 == 'b' && c1 == 'r') || (c0 == 'r' && c1 == 'b');
    }
    return 0;
}

/* the end of `set()` when the name `set` at p (n bytes long) is one, blanks allowed
 * between its brackets; -1 otherwise */
static Py_ssize_t empty_set_end(const char *d, Py_ssize_t p, Py_ssize_t n, Py_ssize_t end) {
    if (n != 3 || memcmp(d + p, "set", 3) != 0) return -1;
    Py_ssize_t i = p + 3;
    int opened = 0;
    for (; i < end; i++) {
        char c = d[i];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f') continue;
        if (c == '(' && !opened) { opened = 1; continue; }
        if (c == ')' && opened) return i + 1;
        return -1;
    }
    return -1;
}

/* the end of the number at p (digits, letters: 0x1F, 2j, 1e5; '_', '.', a sign after e/E);
 * *imaginary: it ends in j. Always inline: it is the hot path of a table's rows in scan(),
 * where a call cost ~30 % (dic-7 measured the loop moved out of line) */
static inline __attribute__((always_inline)) Py_ssize_t number_end(const char *d, Py_ssize_t p,
                                                                   Py_ssize_t end,
                                                                   int *imaginary) {
    Py_ssize_t i = p + 1;
    int hex = (d[p] == '0' && i < end && (d[i] | 0x20) == 'x');
    while (i < end) {
        unsigned char x = (unsigned char)d[i];
        if (is_name_byte(x) || x == '.') {
            if (!hex && (x | 0x20) == 'e' && i + 1 < end &&
                (d[i + 1] == '+' || d[i + 1] == '-')) i++;
            i++;
            continue;
        }
        break;
    }
    *imaginary = (d[i - 1] | 0x20) == 'j' && !hex;
    return i;
}

static Py_ssize_t skip_blanks(const char *d, Py_ssize_t i, Py_ssize_t end) {
    while (i < end && (d[i] == ' ' || d[i] == '\t' || d[i] == '\r' || d[i] == '\n' ||
                       d[i] == '\f')) i++;
    return i;
}

/* whether the `(` at p is followed (after blanks) by what a number in brackets starts with */
static int may_hold_number(const char *d, Py_ssize_t p, Py_ssize_t end) {
    Py_ssize_t i = p + 1;
    while (i < end && (d[i] == ' ' || d[i] == '\t')) i++;
    if (i >= end) return 0;
    char c = d[i];
    return (c >= '0' && c <= '9') || c == '.' || c == '+' || c == '-' || c == '(' ||
           c == '\n' || c == '\r' || c == '\f';
}

/* brackets around one number read at most (deeper: read one by one, and a sign or a + after
 * them is a mark, never an offer refused) */
#define BRACKET_DEPTH 32

/* For the `(` at p: the end after its `)` when the brackets hold one number, perhaps signed
 * once and bracketed again (`(1)`, `(-2j)`, `((1))`, `(-(1))`), which ast.literal_eval reads
 * as the number itself; -1 otherwise (blanks only between tokens). */
__attribute__((noinline))
static Py_ssize_t bracketed_number_end(const char *d, Py_ssize_t p, Py_ssize_t end, int depth,
                                       int *is_signed, int *imaginary) {
    if (depth >= BRACKET_DEPTH) return -1;
    Py_ssize_t i = skip_blanks(d, p + 1, end);
    int sign = i < end && (d[i] == '+' || d[i] == '-');
    if (sign) i = skip_blanks(d, i + 1, end);
    if (i >= end) return -1;
    if (d[i] == '(') {
        int inner_signed = 0;
        i = bracketed_number_end(d, i, end, depth + 1, &inner_signed, imaginary);
        if (i < 0 || (sign && inner_signed)) return -1;
        sign = sign || inner_signed;
    } else if ((d[i] >= '0' && d[i] <= '9') ||
               (d[i] == '.' && i + 1 < end && d[i + 1] >= '0' && d[i + 1] <= '9')) {
        i = number_end(d, i, end, imaginary);
    } else {
        return -1;
    }
    i = skip_blanks(d, i, end);
    if (i >= end || d[i] != ')') return -1;
    *is_signed = sign;
    return i + 1;
}

/* The names a read in built mode (built_marks) passes: each a span of the data, a callee's
 * (`u`, `np.array`, `.split`: a `(` follows) or a bare name's. Repeats of the last few are
 * dropped here (phonenumbers' geodata calls u() 10,000 times a value). */
typedef struct {
    Py_ssize_t start, end;
    int callee;
} name_span;

typedef struct {
    name_span *spans;
    Py_ssize_t count, capacity;
    int failed; /* out of memory */
} name_list;

#define RECENT_NAMES 8

static void note_name(name_list *names, const char *d, Py_ssize_t start, Py_ssize_t end,
                      int callee) {
    Py_ssize_t n = end - start;
    for (Py_ssize_t k = names->count - 1; k >= 0 && k >= names->count - RECENT_NAMES; k--) {
        name_span *seen = &names->spans[k];
        if (seen->callee == callee && seen->end - seen->start == n &&
            memcmp(d + seen->start, d + start, (size_t)n) == 0) return;
    }
    if (names->count == names->capacity) {
        Py_ssize_t capacity = names->capacity ? 2 * names->capacity : 16;
        name_span *grown = PyMem_RawRealloc(names->spans, (size_t)capacity * sizeof(name_span));
        if (grown == NULL) { names->failed = 1; return; }
        names->spans = grown;
        names->capacity = capacity;
    }
    names->spans[names->count++] = (name_span){start, end, callee};
}

/* Python's keywords but True, False, None (read before this is asked) */
static int is_keyword(const char *s, Py_ssize_t n) {
    static const char *const words[] = {
        "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
        "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
        "with", "yield", NULL};
    if (n < 2 || n > 8 || s[0] < 'a' || s[0] > 'y') return 0;
    for (const char *const *w = words; *w; w++)
        if ((Py_ssize_t)strlen(*w) == n && memcmp(*w, s, (size_t)n) == 0) return 1;
    return 0;
}

static int is_name_start(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}

static Py_ssize_t skip_spaces(const char *d, Py_ssize_t i, Py_ssize_t end) {
    while (i < end && (d[i] == ' ' || d[i] == '\t')) i++;
    return i;
}

static Py_ssize_t name_end(const char *d, Py_ssize_t i, Py_ssize_t end) {
    while (i < end && is_name_byte((unsigned char)d[i])) i++;
    return i;
}

/* The end of a dotted name that starts at p and whose first name ends at i (`np . array`:
 * blanks are spaces and tabs around the dots, as the windows read a chain) */
static Py_ssize_t chain_end(const char *d, Py_ssize_t i, Py_ssize_t end) {
    for (;;) {
        Py_ssize_t dot = skip_spaces(d, i, end);
        if (dot >= end || d[dot] != '.') return i;
        Py_ssize_t next = skip_spaces(d, dot + 1, end);
        if (next >= end || !is_name_start((unsigned char)d[next])) return i;
        i = name_end(d, next, end);
    }
}

/* whether the name at p, after a sign, is one a built value may negate: `-COUNT`, `-u(1)`
 * (the module's import gives a number there, or fails as the original does: tidy extract
 * --evaluate takes it); not a string's prefix (`-u'x'`: a sign before a string is code) */
__attribute__((noinline))
static int signs_a_name(const char *d, Py_ssize_t p, Py_ssize_t end) {
    if (!is_name_start((unsigned char)d[p])) return 0;
    Py_ssize_t i = name_end(d, p, end);
    return !(i < end && (d[i] == '\'' || d[i] == '"') && is_prefix(d, p, i - p));
}

/* whether the `(` at p follows a `)` (blanks between, no comment on the line of the `)`,
 * looking back no further than start): `f(x)(y)`, a call of what a call returns. Looked
 * back for where a call after a value would be a mark, not kept up on every bracket: that
 * cost the read of a table's rows 4-10 % more instructions */
__attribute__((noinline))
static int after_a_bracket(const char *d, Py_ssize_t start, Py_ssize_t p) {
    while (p > start && (d[p - 1] == ' ' || d[p - 1] == '\t' || d[p - 1] == '\r' ||
                         d[p - 1] == '\n' || d[p - 1] == '\f')) p--;
    if (p <= start || d[p - 1] != ')') return 0;
    Py_ssize_t line = p - 1;
    while (line > start && d[line - 1] != '\n') line--;
    return memchr(d + line, '#', (size_t)(p - 1 - line)) == NULL;
}

/* whether the `*` at p follows an opening bracket or a comma (unpacking: `[*A]`, `f(**{})`),
 * looking back no further than start */
static int unpacks(const char *d, Py_ssize_t start, Py_ssize_t p) {
    while (p > start && (d[p - 1] == ' ' || d[p - 1] == '\t' || d[p - 1] == '\r' ||
                         d[p - 1] == '\n' || d[p - 1] == '\f')) p--;
    return p > start && (d[p - 1] == '(' || d[p - 1] == '[' || d[p - 1] == '{' ||
                         d[p - 1] == ',');
}

/* Built mode's open round brackets: whether each is a call's (after a name, a dotted name, a
 * method `.split(`, or a call's `)`), so that a `(` right after a `)` is passed as a call of
 * what a call returns (`joiner('-')(['a'])`) and not after a tuple's or a group's (`(1, 2)(3)`
 * calls a tuple: code, which tidy extract --evaluate refuses; dic-10). One bit a bracket, the
 * innermost 64 kept (deeper ones read as no call: a mark, never an offer refused). */
#define PAREN_BITS 64
typedef struct {
    unsigned long long bits;
    Py_ssize_t depth;
    int closed_call; /* the last `)` read closed a call's bracket */
} paren_stack;

static inline void paren_open(paren_stack *p, int call) {
    if (p->depth < PAREN_BITS) p->bits = (p->bits << 1) | (unsigned long long)(call != 0);
    p->depth++;
}

static inline void paren_close(paren_stack *p) {
    if (p->depth == 0) { p->closed_call = 0; return; } /* a `)` from before the read's start */
    p->depth--;
    if (p->depth < PAREN_BITS) {
        p->closed_call = (int)(p->bits & 1);
        p->bits >>= 1;
    } else {
        p->closed_call = 0;
    }
}

/* The read itself, in two modes (each its own copy: the first one's loop pays nothing for the
 * second's tests). Literal mode (first_mark): the first mark. Built mode (built_marks): what
 * the windows take as a built value's is passed over, each name noted (calls of a name or a
 * dotted name, `.method(` after a value, bare names, keyword arguments, a binary + or -, a
 * sign before a name, a call of what a `)` closes (`f(x)(y)`), unpacking after a bracket or a
 * comma); the first other mark is returned (a keyword, an attribute read, a subscript, an
 * operator, a call of another value, a sign before no number or name). */
static inline __attribute__((always_inline)) Py_ssize_t scan_mode(
        const char *d, Py_ssize_t pos, Py_ssize_t end, int built, name_list *names) {
    const Py_ssize_t start = pos;
    int after_value = 0; /* the last token ends a value: a + or - now is binary */
    Py_ssize_t sign = -1; /* a unary + or - read: literal_eval takes a number after it only */
    /* the last value is a real number (perhaps signed) that began a value: a + or - after it
     * may make a complex number, `1+2j`; then complex_op is where that + or - is, and the next
     * token must be an unsigned imaginary number */
    int real_began = 0;
    Py_ssize_t complex_op = -1;
    int value_began = 1; /* no value before the next token (a bracket, ',' or ':' was last) */
    paren_stack parens = {0, 0, 0}; /* built mode only */
    while (pos < end) {
        unsigned char c = (unsigned char)d[pos];
        switch (c) {
        case ' ': case '\t': case '\r': case '\n': case '\f':
            pos++;
            continue;
        case '#': {
            const char *nl = memchr(d + pos, '\n', (size_t)(end - pos));
            pos = nl ? (nl - d) + 1 : end;
            continue;
        }
        case '\\':
            if (pos + 1 < end && d[pos + 1] == '\n') { pos += 2; continue; }
            if (pos + 2 < end && d[pos + 1] == '\r' && d[pos + 2] == '\n') { pos += 3; continue; }
            break;
        default:
            break;
        }
        int number = (c >= '0' && c <= '9') ||
                     (c == '.' && pos + 1 < end && d[pos + 1] >= '0' && d[pos + 1] <= '9');
        /* `(1)`: the number itself to literal_eval (`(1)+2j`, `-(1)`); looked for only where
         * a number or a bracket follows the `(` (not in the hot loop of a table's rows) */
        Py_ssize_t bracketed = -1;
        int bracket_signed = 0, bracket_imaginary = 0;
        if (c == '(' && !after_value && may_hold_number(d, pos, end))
            bracketed = bracketed_number_end(d, pos, end, 0, &bracket_signed, &bracket_imaginary);
        if (sign >= 0 && (bracketed >= 0 ? bracket_signed : !number)) {
            if (!built || !signs_a_name(d, pos, end)) return sign; /* -'a', -x, --1, -(-1) */
            sign = -1; /* built: -COUNT, -u(1) */
        }
        if (complex_op >= 0 && (bracketed >= 0 ? bracket_signed : !number))
            return complex_op; /* 1 + 'a', 1 + -2j, 1 + (-2j) */
        switch (c) {
        case '[': case '(':
            if (bracketed >= 0) break; /* read below as the number */
            if (after_value) {
                if (!built || c != '(' || !after_a_bracket(d, start, pos) ||
                    !parens.closed_call)
                    return pos; /* a subscript or a call of a value: 'abc'[1], 'abc'(1),
                                 * (1, 2)(3) */
                /* built: a call of what a call returns, `f(x)(y)`: a call's bracket */
                paren_open(&parens, 1);
                after_value = 0;
            } else if (built && c == '(') {
                paren_open(&parens, 0); /* a group's or a tuple's */
            }
            pos++;
            value_began = 1;
            continue;
        case '{': case ',': case ':':
            after_value = 0;
            value_began = 1;
            pos++;
            continue;
        case ')':
            if (built) paren_close(&parens);
            /* fall through */
        case ']': case '}':
            after_value = 1;
            real_began = 0;
            value_began = 0;
            pos++;
            continue;
        case '\'': case '"': {
            Py_ssize_t stop = string_end(d, pos, end);
            if (stop < 0) return pos;
            pos = stop;
            after_value = 1;
            real_began = 0;
            value_began = 0;
            continue;
        }
        case '\\':
            return pos; /* a backslash that continues no line */
        case '.':
            if (built && after_value && !number) { /* `"a,b".split(",")`: a method, called */
                Py_ssize_t at = skip_spaces(d, pos + 1, end);
                if (at < end && is_name_start((unsigned char)d[at])) {
                    Py_ssize_t stop = name_end(d, at, end);
                    Py_ssize_t opened = skip_spaces(d, stop, end);
                    if (opened < end && d[opened] == '(') {
                        note_name(names, d, pos, stop, 1);
                        paren_open(&parens, 1);
                        pos = opened + 1;
                        after_value = 0;
                        value_began = 1;
                        continue;
                    }
                }
                return pos; /* an attribute read */
            }
            if (after_value || pos + 2 >= end || d[pos + 1] != '.' || d[pos + 2] != '.') break;
            pos += 3; /* `...`, the Ellipsis constant */
            after_value = 1;
            real_began = 0;
            value_began = 0;
            continue;
        case '+': case '-':
            if (after_value && built) { /* `COUNT - 1`, `'a' + 'b'`: built */
                after_value = 0;
                real_began = 0;
                value_began = 1;
                pos++;
                continue;
            }
            if (after_value) {
                if (!real_began) return pos;
                complex_op = pos; /* 1+2j, if an imaginary number follows */
                real_began = 0;
                after_value = 0;
                pos++;
                continue;
            }
            sign = pos;
            pos++;
            continue;
        default:
            break;
        }
        if (number || bracketed >= 0) {
            int began = value_began && complex_op < 0;
            Py_ssize_t i;
            int imaginary;
            if (bracketed >= 0) {
                i = bracketed;
                imaginary = bracket_imaginary;
                parens.closed_call = 0; /* `(2)(3)`: a number's brackets */
            } else {
                i = number_end(d, pos, end, &imaginary);
            }
            if (complex_op >= 0 && !imaginary) return complex_op; /* 1 + 2: computed */
            real_began = began && !imaginary;
            complex_op = -1;
            sign = -1;
            value_began = 0;
            pos = i;
            after_value = 1;
            continue;
        }
        if (is_name_byte(c)) {
            Py_ssize_t i = pos + 1;
            while (i < end && is_name_byte((unsigned char)d[i])) i++;
            Py_ssize_t n = i - pos;
            if (i < end && (d[i] == '\'' || d[i] == '"') && is_prefix(d, pos, n)) {
                pos = i; /* the string itself is read next */
                continue;
            }
            if ((n == 4 && (memcmp(d + pos, "True", 4) == 0 || memcmp(d + pos, "None", 4) == 0))
                || (n == 5 && memcmp(d + pos, "False", 5) == 0)) {
                pos = i;
                after_value = 1;
                real_began = 0;
                value_began = 0;
                continue;
            }
            Py_ssize_t set_end = after_value ? -1 : empty_set_end(d, pos, n, end);
            if (set_end >= 0) { /* literal_eval's empty set */
                pos = set_end;
                parens.closed_call = 0; /* `set()(1)` calls a set */
                after_value = 1;
                real_began = 0;
                value_began = 0;
                continue;
            }
            if (!built || is_keyword(d + pos, n) || (i < end && (d[i] == '\'' || d[i] == '"')))
                return pos; /* a name; a keyword (lambda, for, if...); an f-string */
            Py_ssize_t chain = chain_end(d, i, end);
            Py_ssize_t opened = skip_spaces(d, chain, end);
            if (opened < end && d[opened] == '(') { /* a call: u(...), np.array(...) */
                note_name(names, d, pos, chain, 1);
                paren_open(&parens, 1);
                pos = opened + 1;
                after_value = 0;
                value_began = 1;
                continue;
            }
            if (i < end && d[i] == '.') return pos; /* an attribute read: Name.Builtin */
            Py_ssize_t next = skip_blanks(d, i, end);
            if (next < end && d[next] == '[') return pos; /* a subscript: A[0] */
            if (next < end && d[next] == '=' && !(next + 1 < end && d[next + 1] == '=')) {
                pos = next + 1; /* a keyword argument: dict(a=1) */
                after_value = 0;
                value_began = 1;
                continue;
            }
            note_name(names, d, pos, i, 0);
            pos = i;
            after_value = 1;
            real_began = 0;
            value_began = 0;
            continue;
        }
        if (built && c == '*' && unpacks(d, start, pos)) { /* [*A, *B], State(**{...}) */
            pos += (pos + 1 < end && d[pos + 1] == '*') ? 2 : 1;
            after_value = 0;
            value_began = 1;
            continue;
        }
        return pos; /* an operator, a '.', anything else */
    }
    return complex_op >= 0 ? complex_op : sign; /* an operator with nothing after it, or -1 */
}

__attribute__((noinline))
static Py_ssize_t scan(const char *d, Py_ssize_t pos, Py_ssize_t end) {
    return scan_mode(d, pos, end, 0, NULL);
}

__attribute__((noinline))
static Py_ssize_t scan_built(const char *d, Py_ssize_t pos, Py_ssize_t end, name_list *names) {
    return scan_mode(d, pos, end, 1, names);
}

static PyObject *first_mark(PyObject *Py_UNUSED(module), PyObject *args) {
    Py_buffer view;
    Py_ssize_t start, end;
    if (!PyArg_ParseTuple(args, "y*nn", &view, &start, &end)) return NULL;
    if (start < 0) start = 0;
    if (end > view.len) end = view.len;
    Py_ssize_t found = -1;
    if (start < end) {
        Py_BEGIN_ALLOW_THREADS
        found = scan((const char *)view.buf, start, end);
        Py_END_ALLOW_THREADS
    }
    PyBuffer_Release(&view);
    return PyLong_FromSsize_t(found);
}

/* built_marks(data, start, end): (where the first mark past what a built value may hold is,
 * or -1; the names read before it, callees ending in `(`: [b"u(", b"LABEL", b".split("]),
 * each in order of first appearance, repeats perhaps left). The judge reads the whole value
 * of a binding so before it advises `tidy extract --evaluate` (the windows saw a call or a
 * name; what lies between them may be code: `'abc'[1]`, a comprehension) at the speed of
 * first_mark, where a Python loop over each call cost as much as the judgement itself. */
static PyObject *built_marks(PyObject *Py_UNUSED(module), PyObject *args) {
    Py_buffer view;
    Py_ssize_t start, end;
    if (!PyArg_ParseTuple(args, "y*nn", &view, &start, &end)) return NULL;
    if (start < 0) start = 0;
    if (end > view.len) end = view.len;
    Py_ssize_t found = -1;
    name_list names = {NULL, 0, 0, 0};
    if (start < end) {
        Py_BEGIN_ALLOW_THREADS
        found = scan_built((const char *)view.buf, start, end, &names);
        Py_END_ALLOW_THREADS
    }
    PyObject *result = NULL, *list = NULL;
    if (names.failed) {
        PyErr_NoMemory();
        goto done;
    }
    list = PyList_New(names.count);
    if (list == NULL) goto done;
    const char *d = (const char *)view.buf;
    for (Py_ssize_t k = 0; k < names.count; k++) {
        name_span *span = &names.spans[k];
        /* the name without the blanks of `np . array`, a callee with its `(` */
        PyObject *text = PyBytes_FromStringAndSize(NULL, span->end - span->start + 1);
        if (text == NULL) goto done;
        char *out = PyBytes_AS_STRING(text);
        Py_ssize_t n = 0;
        for (Py_ssize_t i = span->start; i < span->end; i++)
            if (d[i] != ' ' && d[i] != '\t') out[n++] = d[i];
        if (span->callee) out[n++] = '(';
        if (_PyBytes_Resize(&text, n) < 0) goto done;
        PyList_SET_ITEM(list, k, text);
    }
    result = Py_BuildValue("(nO)", found, list);
done:
    Py_XDECREF(list);
    PyMem_RawFree(names.spans);
    PyBuffer_Release(&view);
    return result;
}

/* An f-string (or a t-string, Python 3.14's template) as Python 3.12 reads it (PEP 701): its
 * replacement fields hold any expression, strings with the f-string's own quote in them
 * (`f"{x["k"]}"`), nested f-strings, comments, and lines (a one-line f-string's field may go on
 * over lines). Python 3.11's tokenizer ends `f"{x["` at the second quote: a byte loop that reads
 * it so counts the `(` of `f"{d["("]}"` and hid every statement after it (dic-11). For valid
 * 3.11 source (no quote of the f-string's own kind inside it) both reads agree.
 *
 * Each of the three returns where the read goes on after what it read, FSTRING_BROKEN (a string
 * Python would not close: a line end in a one-line literal part, the closing quote in a format
 * spec, nesting deeper than FSTRING_NESTING), or FSTRING_CUT when `end` falls inside a
 * replacement field (the splitter counts a module's statements in pieces, which may end inside
 * a field that goes on over lines: it counts again from the f-string's start). */
#define FSTRING_BROKEN (-1)
#define FSTRING_CUT (-2)
#define FSTRING_NESTING 32

static Py_ssize_t fstring_field_end(const char *d, Py_ssize_t i, Py_ssize_t end, char q,
                                    int triple, int raw, int nest);

/* whether d[from:p], the name bytes before the quote at p, is an f-string's (or t-string's)
 * prefix: f, t, fr, rf, tr, rt in any case; *raw: it holds an r */
static int fstring_prefix(const char *d, Py_ssize_t from, Py_ssize_t p, int *raw) {
    Py_ssize_t a = p;
    while (a > from && a > p - 3 && is_name_byte((unsigned char)d[a - 1])) a--;
    Py_ssize_t n = p - a;
    if (n == 0 || n > 2 || (a > from && is_name_byte((unsigned char)d[a - 1]))) return 0;
    char c0 = (char)(d[a] | 0x20), c1 = n == 2 ? (char)(d[a + 1] | 0x20) : 0;
    int f0 = c0 == 'f' || c0 == 't', f1 = c1 == 'f' || c1 == 't';
    *raw = n == 2;
    return n == 1 ? f0 : (f0 && c1 == 'r') || (c0 == 'r' && f1);
}

/* the literal part of the f-string (in_spec 0: up to its closing quote) or a field's format
 * spec (in_spec 1: up to the `}` that closes the field), from i */
static Py_ssize_t fstring_part_end(const char *d, Py_ssize_t i, Py_ssize_t end, char q,
                                   int triple, int raw, int in_spec, int nest) {
    while (i < end) {
        char c = d[i];
        if (c == '\\') {
            if (i + 1 < end && (d[i + 1] == '{' || d[i + 1] == '}')) { i++; continue; }
            if (!raw && i + 2 < end && d[i + 1] == 'N' && d[i + 2] == '{') {
                i += 3;  /* \N{NAME}: a character's name, not a field */
                while (i < end && d[i] != '}' && d[i] != q && d[i] != '\n') i++;
                if (i < end && d[i] == '}') i++;
                continue;
            }
            i += 2;
            continue;
        }
        if (c == q) {
            if (!triple) return in_spec ? FSTRING_BROKEN : i + 1;
            if (i + 2 < end && d[i + 1] == q && d[i + 2] == q)
                return in_spec ? FSTRING_BROKEN : i + 3;
            i++;
            continue;
        }
        if (c == '\n' && !triple && !in_spec) return FSTRING_BROKEN;
        if (c == '{') {
            if (!in_spec && i + 1 < end && d[i + 1] == '{') { i += 2; continue; }
            i = fstring_field_end(d, i + 1, end, q, triple, raw, nest + 1);
            if (i < 0) return i;
            continue;
        }
        if (c == '}') {
            if (in_spec) return i + 1;
            i += (i + 1 < end && d[i + 1] == '}') ? 2 : 1;
            continue;
        }
        i++;
    }
    return in_spec ? FSTRING_CUT : FSTRING_BROKEN;
}

/* the end of the f-string whose quote is at p (its prefix before p) */
static Py_ssize_t fstring_end(const char *d, Py_ssize_t p, Py_ssize_t end, int raw, int nest) {
    char q = d[p];
    int triple = p + 2 < end && d[p + 1] == q && d[p + 2] == q;
    if (nest > FSTRING_NESTING) return FSTRING_BROKEN;
    return fstring_part_end(d, p + (triple ? 3 : 1), end, q, triple, raw, 0, nest);
}

/* a replacement field's expression from i (after its `{`) to the `}` that closes it (or its
 * format spec, after a `:` outside brackets) */
static Py_ssize_t fstring_field_end(const char *d, Py_ssize_t i, Py_ssize_t end, char q,
                                    int triple, int raw, int nest) {
    Py_ssize_t depth = 0, from = i;
    if (nest > FSTRING_NESTING) return FSTRING_BROKEN;
    while (i < end) {
        char c = d[i];
        switch (c) {
        case '(': case '[': case '{':
            depth++;
            i++;
            continue;
        case ')': case ']':
            depth--;
            i++;
            continue;
        case '}':
            if (depth <= 0) return i + 1;
            depth--;
            i++;
            continue;
        case ':':
            if (depth > 0) { i++; continue; }
            return fstring_part_end(d, i + 1, end, q, triple, raw, 1, nest);
        case '#': {
            const char *nl = memchr(d + i, '\n', (size_t)(end - i));
            i = nl ? nl - d : end;
            continue;
        }
        case '\\':
            i += 2;
            continue;
        case '\'': case '"': {
            int inner_raw = 0;
            Py_ssize_t stop;
            if (fstring_prefix(d, from, i, &inner_raw)) {
                stop = fstring_end(d, i, end, inner_raw, nest + 1);
            } else {
                stop = string_end(d, i, end);
                if (stop < 0) return FSTRING_BROKEN;
            }
            if (stop < 0) return stop;
            i = stop;
            continue;
        }
        default:
            i++;
        }
    }
    return FSTRING_CUT;
}

/* bracket_depth(data, start, end): (brackets opened minus closed in data[start:end], -1), those
 * inside strings (one-line or triple-quoted, any prefix; f-strings read as above) and comments
 * not counted; a string never closed ends the count there. An f-string cut by `end` inside a
 * replacement field ends it too, and its start (its prefix) is the second number: the count
 * from there on to a later line reads it whole. The statement splitter (segments.py) counts
 * the brackets from a statement's start (a line start outside any string) to the next line at
 * its indentation: a bracket in a string, `X = '('`, made the count say "inside brackets" and
 * the next statement, `print(1)`, was read as part of X's value (dic-10). A byte loop: the
 * count runs on from line to line over a table's rows, each byte once. */
static Py_ssize_t count_depth(const char *d, Py_ssize_t start, Py_ssize_t end,
                              Py_ssize_t *cut_at) {
    Py_ssize_t total = 0, pos = start;
    while (pos < end) {
        switch (d[pos]) {
        case '(': case '[': case '{':
            total++;
            pos++;
            continue;
        case ')': case ']': case '}':
            total--;
            pos++;
            continue;
        case '#': {
            const char *nl = memchr(d + pos, '\n', (size_t)(end - pos));
            pos = nl ? nl - d : end;
            continue;
        }
        case '\'': case '"': {
            int raw = 0;
            Py_ssize_t stop;
            /* a name byte right before the quote: the rare case (a table's strings follow
             * a blank, a bracket or a comma) */
            if (pos > start && is_name_byte((unsigned char)d[pos - 1]) &&
                fstring_prefix(d, start, pos, &raw)) {
                stop = fstring_end(d, pos, end, raw, 0);
                if (stop == FSTRING_CUT) {
                    *cut_at = pos - 1 - raw;  /* its prefix: two bytes where raw */
                    return total;
                }
            } else {
                stop = string_end(d, pos, end);
            }
            if (stop < 0) return total;
            pos = stop;
            continue;
        }
        default:
            pos++;
        }
    }
    return total;
}

static PyObject *bracket_depth(PyObject *Py_UNUSED(module), PyObject *args) {
    Py_buffer view;
    Py_ssize_t start, end;
    if (!PyArg_ParseTuple(args, "y*nn", &view, &start, &end)) return NULL;
    if (start < 0) start = 0;
    if (end > view.len) end = view.len;
    Py_ssize_t total = 0, cut_at = -1;
    if (start < end) {
        Py_BEGIN_ALLOW_THREADS
        total = count_depth((const char *)view.buf, start, end, &cut_at);
        Py_END_ALLOW_THREADS
    }
    PyBuffer_Release(&view);
    return Py_BuildValue("(nn)", total, cut_at);
}

/* find(data, needle, start): data.find(needle, start) by the C library's memmem, which is
 * two to three times faster for the three-byte needles of triple_spans (segments.py): the
 * search for a triple quote a module does not hold reads all of it, twice (' and "), and was
 * a quarter of protobuf's descriptor_pb2.py judgement (0.47 of 1.8 ms). */
static PyObject *find(PyObject *Py_UNUSED(module), PyObject *args) {
    Py_buffer view, needle;
    Py_ssize_t start;
    if (!PyArg_ParseTuple(args, "y*y*n", &view, &needle, &start)) return NULL;
    Py_ssize_t found = -1;
    if (start < 0) start = 0;
    if (needle.len == 0) {
        found = start <= view.len ? start : -1;
    } else if (start < view.len) {
        Py_BEGIN_ALLOW_THREADS
        const char *at = memmem((const char *)view.buf + start, (size_t)(view.len - start),
                                needle.buf, (size_t)needle.len);
        found = at ? at - (const char *)view.buf : -1;
        Py_END_ALLOW_THREADS
    }
    PyBuffer_Release(&needle);
    PyBuffer_Release(&view);
    return PyLong_FromSsize_t(found);
}

/* triple_run(data, pos, floor): segments.triple_spans' loop over the triple quotes from `pos`
 * for as long as each is one its plain rules decide (`floor`: where the last string found
 * ended, 0 for none): every triple quote (of " or ') at `pos` or after, in order, those inside
 * a string found passed over; one whose line, from its start or `floor`, holds a `#` and no
 * quote is in a comment (passed over); else, unless its line holds a quote before it or the
 * byte before it may end an f-string's prefix (f, t, r), it opens a string that ends after the
 * first same triple quote not escaped by an odd run of backslashes. Returns (the strings
 * found, as (start, end); where the first triple quote those rules do not decide is, or -1
 * when none is left): that one is decided by triple_spans in Python (a quote before it on its
 * line, an f-string or raw prefix, a string never closed), which then calls this again after
 * it. Why: Django's modules are mostly docstrings; the loop in Python was ~16 ms of the web
 * app's 46 judged modules. */
/* The first triple quote at `from` or after, of the quote `q` (0: of either kind), or -1. Only
 * every third byte is looked at until one is a quote: a triple quote holds one of any three
 * bytes in a row (the searches of both kinds were two memmem passes over the whole module). */
static Py_ssize_t next_triple(const char *d, Py_ssize_t n, Py_ssize_t from, char q) {
    /* every triple quote starting before i - 2 has been ruled out */
    for (Py_ssize_t i = from + 2; i < n; i += 3) {
        char c = d[i];
        if ((c != '"' && c != '\'') || (q && c != q)) continue;
        /* one holding byte i starts at i - 2, i - 1 or i, and is of c's kind */
        for (Py_ssize_t j = i - 2 < from ? from : i - 2; j <= i && j + 2 < n; j++)
            if (d[j] == c && d[j + 1] == c && d[j + 2] == c) return j;
    }
    return -1;
}

static PyObject *triple_run(PyObject *Py_UNUSED(module), PyObject *args) {
    Py_buffer view;
    Py_ssize_t pos, floor;
    if (!PyArg_ParseTuple(args, "y*nn", &view, &pos, &floor)) return NULL;
    const char *d = (const char *)view.buf;
    Py_ssize_t n = view.len, stop = -1, at;
    PyObject *spans = PyList_New(0);
    if (spans == NULL) { PyBuffer_Release(&view); return NULL; }
    if (pos < 0) pos = 0;
    if (floor < 0) floor = 0;
    while ((at = next_triple(d, n, pos, 0)) >= 0) {
        char q = d[at];
        /* the line before the quote, from its start or the last string's end */
        Py_ssize_t line_start = floor;
        if (at > floor) {
            const char *nl = memrchr(d + floor, '\n', (size_t)(at - floor));
            if (nl) line_start = nl - d + 1;
        }
        int comment = 0, quoted = 0;
        for (Py_ssize_t i = line_start; i < at; i++) {
            if (d[i] == '\'' || d[i] == '"') { quoted = 1; break; }
            if (d[i] == '#') comment = 1;
        }
        if (quoted) { stop = at; break; }
        if (comment) { pos = at + 1; continue; }  /* not a string */
        if (at > 0 && d[at - 1] != '\0' && strchr("fFtTrR", d[at - 1]) != NULL) {
            stop = at;
            break;
        }
        Py_ssize_t end = -1, from = at + 3;
        for (;;) {
            Py_ssize_t found = next_triple(d, n, from, q);
            if (found < 0) break;
            Py_ssize_t slashes = 0;
            while (d[found - 1 - slashes] == '\\') slashes++;
            if (slashes % 2 == 0) { end = found + 3; break; }
            from = found + 1;
        }
        if (end < 0) { stop = at; break; }  /* never closed: Python says where */
        PyObject *span = Py_BuildValue("(nn)", at, end);
        if (span == NULL || PyList_Append(spans, span) < 0) {
            Py_XDECREF(span);
            Py_DECREF(spans);
            PyBuffer_Release(&view);
            return NULL;
        }
        Py_DECREF(span);
        floor = pos = end;
    }
    PyBuffer_Release(&view);
    return Py_BuildValue("(Nn)", spans, stop);
}

/* js_data(data, limit): TDY303's judgement of a .js/.ts file's first `limit` bytes, the same
 * answer as judge_js_in_python (jsdata.py, which says what is counted and why): strings ('', ""
 * and ``), numbers and comments found left to right, a lone quote or slash skipped; data when
 * the strings and numbers are half the bytes or more and the names between the tokens are few
 * (at most 20, or a tenth of names and tokens). In Python it is one regex search per token and
 * a findall over the gaps, ~7.8 ms for react-dom's 1 MB development build: 28 such files are
 * ~60 ms of a cold web-app scan's CPU; this reads each byte once. */
static int js_name_byte(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '$';
}

/* where the token starting at d[s] (a quote, a slash or a digit) ends, or -1: no token; then
 * *failed is where a string's or a comment's reading stopped (every later start of its kind
 * before there fails too: js_is_data) */
static Py_ssize_t js_token_end(const unsigned char *d, Py_ssize_t s, Py_ssize_t n,
                               Py_ssize_t *failed) {
    unsigned char c = d[s];
    if (c >= '0' && c <= '9') {  /* \d[\w.]* */
        Py_ssize_t i = s + 1;
        while (i < n && ((d[i] >= 'a' && d[i] <= 'z') || (d[i] >= 'A' && d[i] <= 'Z') ||
                         (d[i] >= '0' && d[i] <= '9') || d[i] == '_' || d[i] == '.'))
            i++;
        return i;
    }
    if (c == '/') {
        if (s + 1 >= n) return -1;
        if (d[s + 1] == '/') {  /* to the line's end */
            const unsigned char *nl = memchr(d + s + 2, '\n', (size_t)(n - s - 2));
            return nl ? nl - d : n;
        }
        if (d[s + 1] == '*') {  /* to the first star-slash after the opening */
            const unsigned char *at = memmem(d + s + 2, (size_t)(n - s - 2), "*/", 2);
            *failed = n;
            return at ? at - d + 2 : -1;
        }
        return -1;
    }
    /* a string: an escape is a backslash and any byte but a newline; ' and " end at a
     * newline (no token), ` goes on over lines */
    int lines = c == '`';
    for (Py_ssize_t i = s + 1; i < n; i++) {
        unsigned char b = d[i];
        if (b == c) return i + 1;
        if (b == '\\') {
            if (i + 1 >= n || d[i + 1] == '\n') { *failed = i; return -1; }
            i++;
        } else if (b == '\n' && !lines) {
            *failed = i;
            return -1;
        }
    }
    *failed = n;
    return -1;
}

static int js_is_data(const unsigned char *d, Py_ssize_t n) {
    Py_ssize_t literal = 0, counted = 0, names = 0, i = 0;
    int in_run = 0, run_named = 0;  /* a run of [A-Za-z0-9_$]: a name when not all digits */
    /* Per kind (', ", `, a block comment): a start before this fails. A string that is never
     * closed was read to where it failed, and a later quote of its kind before there was an
     * escaped one of that reading: read from it, the bytes after it are read as they were,
     * to the same failure. A block comment with no star-slash after it: none after a later
     * one either. (Without this a minified line of lone quotes is read to its end once per
     * quote: pandapower's 1.5 MB one-line JSON files took minutes in Python.) */
    Py_ssize_t fails_before[4] = {-1, -1, -1, -1};
    while (i < n) {
        unsigned char c = d[i];
        int digit = c >= '0' && c <= '9';
        if (digit ? (i == 0 || !js_name_byte(d[i - 1]))
                  : (c == '"' || c == '\'' || c == '`' || c == '/')) {
            int kind = c == '\'' ? 0 : c == '"' ? 1 : c == '`' ? 2
                     : (c == '/' && i + 1 < n && d[i + 1] == '*') ? 3 : -1;
            Py_ssize_t end = -1, failed = -1;
            if (kind < 0 || i >= fails_before[kind]) {
                end = js_token_end(d, i, n, &failed);
                if (end < 0 && kind >= 0) fails_before[kind] = failed;
            }
            /* the byte before a token start is no name byte: a run has ended */
            if (in_run && run_named) names++;
            in_run = run_named = 0;
            if (end < 0) { i++; continue; }  /* a lone quote or slash: part of the gap */
            counted++;
            if (c != '/') literal += end - i;
            i = end;
            if ((counted & 0xFF) == 0 && 2 * (literal + n - end) < n) return 0;
            continue;
        }
        if (js_name_byte(c)) {
            in_run = 1;
            if (!digit) run_named = 1;
        } else {
            if (in_run && run_named) names++;
            in_run = run_named = 0;
        }
        i++;
    }
    if (in_run && run_named) names++;
    if (n == 0 || 2 * literal < n) return 0;
    Py_ssize_t tenth = (names + counted) / 10;
    return names <= (tenth > 20 ? tenth : 20);
}

static PyObject *js_data(PyObject *Py_UNUSED(module), PyObject *args) {
    Py_buffer view;
    Py_ssize_t limit;
    if (!PyArg_ParseTuple(args, "y*n", &view, &limit)) return NULL;
    Py_ssize_t n = view.len < limit ? view.len : limit;
    int answer;
    if (n < 0) n = 0;
    Py_BEGIN_ALLOW_THREADS
    answer = js_is_data((const unsigned char *)view.buf, n);
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&view);
    return PyBool_FromLong(answer);
}

static PyMethodDef methods[] = {
    {"find", find, METH_VARARGS, "find(data, needle, start): data.find(needle, start)."},
    {"bracket_depth", bracket_depth, METH_VARARGS,
     "bracket_depth(data, start, end): (brackets opened minus closed in data[start:end], "
     "outside strings and comments; where an f-string cut by end begins, or -1)."},
    {"built_marks", built_marks, METH_VARARGS,
     "built_marks(data, start, end): (offset of the first mark a built value cannot hold, or "
     "-1; the names and callees read before it)."},
    {"triple_run", triple_run, METH_VARARGS,
     "triple_run(data, pos, floor): (the triple-quoted strings from pos its plain rules decide, "
     "as (start, end); where the first one they do not decide is, or -1)."},
    {"js_data", js_data, METH_VARARGS,
     "js_data(data, limit): whether a .js/.ts file's first limit bytes are a data table (TDY303)."},
    {"first_mark", first_mark, METH_VARARGS,
     "first_mark(data, start, end): offset of the first non-literal token, or -1."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_literalscan", "What a Python literal cannot hold, found in C.", -1,
    methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__literalscan(void) { return PyModule_Create(&module); }
