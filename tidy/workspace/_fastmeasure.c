/* The measuring loop of tidy/workspace/measure.py (_measure_pending and _count_listing) in C.
 *
 * Why C: an artifact folder is summed entry by entry, and Python spends about 1 us on each
 * lstat result on top of the kernel's own work (250k bench tree: 0.73 s of CPU in Python,
 * 0.47 s here, which is what `du -s` spends). Everything else stays in Python; this module
 * only answers "what is below these folders", with the same figures and the same records as
 * the Python loop, which stays as the fallback where this module was not built
 * (tests/workspace/test_fastmeasure.py holds the two to the same answers).
 *
 * Safety, as in the Python loop and as `du` does: every folder is opened relative to its
 * parent's descriptor with O_NOFOLLOW | O_DIRECTORY, so a link is never followed and no path
 * is resolved twice; entries are looked up with fstatat(AT_SYMLINK_NOFOLLOW) on the open
 * folder. Nothing is written or removed. The walk holds one descriptor per level, so it stops
 * descending at MAX_DEPTH levels (the rest is reported as skipped, never a crash) and it
 * checks for signals every few thousand entries so that Ctrl-C still stops a scan. A level
 * is counted on the relative path (its '/'s), not from the root this call was handed: the
 * walk hands a folder's subtrees over a level or two down, and the Python loop stops at the
 * same folders (measure.MAX_DEPTH, which max_depth() must equal for this module to be used).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#if defined(__SSE2__)
#include <emmintrin.h> /* paths_clean's search, 16 bytes at a time */
#endif
#ifdef __GLIBC__
#include <malloc.h> /* mallopt: keep_freed_memory */
#endif
#ifdef __linux__
#include <sys/prctl.h>
#include <sys/syscall.h>
#if defined(SYS_openat2) && __has_include(<linux/openat2.h>)
#include <linux/openat2.h>
#define HAVE_OPENAT2 1
#endif
#endif

#define MAX_DEPTH 1000
#define SIGNAL_EVERY 4096
#define SKIP_OTHER_FILESYSTEM (-1) /* errno stand-in: the Python side words it */
#define SKIP_TOO_DEEP (-2)

/* Version-control markers: tidy.core.catalog.VCS_MARKERS (the Python side checks they agree). */
static const char *const MARKERS[] = {".git", ".hg", ".svn", ".bzr", "_darcs", ".pijul", ".jj",
                                      ".sl", ".fslckout", "_FOSSIL_", "CVS", NULL};

typedef struct {
    long long apparent, blocks, files, dirs, entries;
    double newest;
    dev_t device;
    int cross;
    unsigned long since_signal_check;
    PyObject *surface, *skipped, *links, *gitignore_dirs, *vcs_markers;
    char *rel; /* the relative path of the folder being listed, NUL-terminated */
    size_t rel_len, rel_cap;
    char *dents; /* getdents64's buffer (RAW_DENTS), shared by every folder of the walk */
} Walk;

typedef struct {
    char *names; /* NUL-separated */
    size_t len, cap;
} Names;

static int walk_dir(Walk *w, int dfd, int hidden, int depth);

static int is_marker(const char *name) {
    for (const char *const *m = MARKERS; *m; m++)
        if (strcmp(name, *m) == 0) return 1;
    return 0;
}

static double mtime_of(const struct stat *st) {
    /* As os.stat_result.st_mtime computes it, so both loops give the same float. */
#ifdef __APPLE__
    return (double)st->st_mtimespec.tv_sec + (double)st->st_mtimespec.tv_nsec * 1e-9;
#else
    return (double)st->st_mtim.tv_sec + (double)st->st_mtim.tv_nsec * 1e-9;
#endif
}

static int grow(char **buf, size_t *cap, size_t need) {
    if (need <= *cap) return 0;
    size_t wanted = need * 2 + 256;
    char *grown = PyMem_Realloc(*buf, wanted);
    if (!grown) {
        PyErr_NoMemory();
        return -1;
    }
    *buf = grown;
    *cap = wanted;
    return 0;
}

static PyObject *rel_str(const Walk *w) {
    /* Names are bytes on disk: decoded as os.fsdecode does (surrogateescape). */
    return PyUnicode_DecodeFSDefaultAndSize(w->rel, (Py_ssize_t)w->rel_len);
}

static int push_rel(Walk *w, const char *name, size_t *saved) {
    size_t n = strlen(name);
    *saved = w->rel_len;
    if (grow(&w->rel, &w->rel_cap, w->rel_len + n + 2) < 0) return -1;
    w->rel[w->rel_len++] = '/';
    memcpy(w->rel + w->rel_len, name, n + 1);
    w->rel_len += n;
    return 0;
}

static void pop_rel(Walk *w, size_t saved) {
    w->rel_len = saved;
    w->rel[saved] = 0;
}

static int append_new(PyObject *list, PyObject *item) {
    if (!item) return -1;
    int r = PyList_Append(list, item);
    Py_DECREF(item);
    return r;
}

static int append_rel(Walk *w, PyObject *list) { return append_new(list, rel_str(w)); }

static int append_child(Walk *w, PyObject *list, const char *name) {
    size_t saved;
    if (push_rel(w, name, &saved) < 0) return -1;
    int r = append_rel(w, list);
    pop_rel(w, saved);
    return r;
}

static int skip_here(Walk *w, int err) {
    PyObject *rel = rel_str(w);
    if (!rel) return -1;
    return append_new(w->skipped, Py_BuildValue("(Ni)", rel, err));
}

static int skip_child(Walk *w, const char *name, int err) {
    size_t saved;
    if (push_rel(w, name, &saved) < 0) return -1;
    int r = skip_here(w, err);
    pop_rel(w, saved);
    return r;
}

static int names_add(Names *n, const char *name) {
    size_t k = strlen(name) + 1;
    if (grow(&n->names, &n->cap, n->len + k) < 0) return -1;
    memcpy(n->names + n->len, name, k);
    n->len += k;
    return 0;
}

static int add_link(Walk *w, const struct stat *st, const char *name, int hidden) {
    PyObject *surface_dir;
    if (!hidden && name[0] != '.') {
        surface_dir = rel_str(w);
        if (!surface_dir) return -1;
    } else {
        surface_dir = Py_NewRef(Py_None);
    }
    return append_new(w->links, Py_BuildValue(
        "(KKLLdONK)", (unsigned long long)st->st_dev, (unsigned long long)st->st_ino,
        (long long)st->st_size, (long long)st->st_blocks, mtime_of(st),
        S_ISREG(st->st_mode) ? Py_True : Py_False, surface_dir,
        (unsigned long long)st->st_nlink));
}

static int check_signals(Walk *w) {
    if (++w->since_signal_check < SIGNAL_EVERY) return 0;
    w->since_signal_check = 0;
    return PyErr_CheckSignals();
}

/* A folder's names, read straight from the kernel on Linux: getdents64 into the walk's one
 * buffer. Why not readdir: fdopendir costs an fstat and two fcntl calls per folder and
 * readdir a 32 KB buffer allocated and freed per folder (250k bench tree: ~10,800 folders
 * measured, `du -s` pays the same three calls). The buffer can be shared: a folder's listing
 * is read to its end before any subfolder is entered. Elsewhere, readdir. */
#if defined(__linux__) && defined(SYS_getdents64)
#define RAW_DENTS 1
#define DENTS_BYTES 65536
struct raw_dirent64 {
    unsigned long long d_ino;
    long long d_off;
    unsigned short d_reclen;
    unsigned char d_type;
    char d_name[];
};
#endif

typedef struct {
    int fd;
#ifdef RAW_DENTS
    char *buf;
    long pos, end;
#else
    DIR *d;
#endif
} Lister;

/* The next name, or NULL at the end (*err 0) or on a read error (*err its errno). */
static const char *next_name(Lister *l, int *err) {
#ifdef RAW_DENTS
    if (l->pos >= l->end) {
        long n = syscall(SYS_getdents64, l->fd, l->buf, DENTS_BYTES);
        if (n <= 0) {
            *err = n < 0 ? errno : 0;
            return NULL;
        }
        l->pos = 0;
        l->end = n;
    }
    struct raw_dirent64 *e = (struct raw_dirent64 *)(l->buf + l->pos);
    l->pos += e->d_reclen;
    return e->d_name;
#else
    errno = 0;
    struct dirent *e = readdir(l->d);
    if (!e) {
        *err = errno;
        return NULL;
    }
    return e->d_name;
#endif
}

/* One listing: count every entry (one fstatat each), then descend into the subfolders. */
static int walk_listing(Walk *w, Lister *l, int hidden, int depth) {
    int dfd = l->fd;
    long long apparent = 0, blocks = 0, files = 0, dirs = 0, count = 0;
    long long visible_files = 0, visible_bytes = 0;
    double newest = w->newest;
    Names subdirs = {NULL, 0, 0};
    int read_error = 0;
    for (;;) {
        const char *name = next_name(l, &read_error);
        if (!name) break;
        if (name[0] == '.' && (name[1] == 0 || (name[1] == '.' && name[2] == 0))) continue;
        count++;
        if (check_signals(w) < 0) goto fail;
        struct stat st;
        if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
            continue; /* vanished while we looked: it no longer takes space */
        if (S_ISREG(st.st_mode) && st.st_nlink == 1) {
            files++;
            if (name[0] != '.') {
                if (!hidden) {
                    visible_files++;
                    visible_bytes += st.st_size;
                }
                if (strcmp(name, "_FOSSIL_") == 0 && append_child(w, w->vcs_markers, name) < 0)
                    goto fail;
            } else if (strcmp(name, ".gitignore") == 0) {
                if (append_rel(w, w->gitignore_dirs) < 0) goto fail;
            } else if (is_marker(name) && append_child(w, w->vcs_markers, name) < 0) {
                goto fail;
            }
        } else if (S_ISDIR(st.st_mode)) {
            if (is_marker(name) && append_child(w, w->vcs_markers, name) < 0) goto fail;
            if (st.st_dev != w->device && !w->cross) {
                if (skip_child(w, name, SKIP_OTHER_FILESYSTEM) < 0) goto fail;
                continue;
            }
            if (names_add(&subdirs, name) < 0) goto fail;
            dirs++;
        } else if (st.st_nlink > 1) {
            /* Counted by whoever sees the inode first: the Python side decides. */
            if (strcmp(name, ".gitignore") == 0) {
                if (append_rel(w, w->gitignore_dirs) < 0) goto fail;
            } else if (is_marker(name) && append_child(w, w->vcs_markers, name) < 0) {
                goto fail;
            }
            if (add_link(w, &st, name, hidden) < 0) goto fail;
            continue;
        } else if (is_marker(name) && append_child(w, w->vcs_markers, name) < 0) {
            goto fail; /* a symlink named `.git`: git follows it to a repository */
        }
        apparent += st.st_size;
        blocks += st.st_blocks;
        double mtime = mtime_of(&st);
        if (mtime > newest) newest = mtime;
    }
    w->apparent += apparent;
    w->blocks += blocks;
    w->files += files;
    w->dirs += dirs;
    w->newest = newest;
    w->entries += count;
    if (visible_files) {
        PyObject *rel = rel_str(w);
        if (!rel) goto fail;
        if (append_new(w->surface, Py_BuildValue("(NLL)", rel, visible_files, visible_bytes)) < 0)
            goto fail;
    }
    if (read_error && skip_here(w, read_error) < 0) goto fail;
    for (size_t at = 0; at < subdirs.len; at += strlen(subdirs.names + at) + 1) {
        const char *name = subdirs.names + at;
        int r;
        if (depth >= MAX_DEPTH) {
            r = skip_child(w, name, SKIP_TOO_DEEP);
        } else {
            size_t saved;
            if (push_rel(w, name, &saved) < 0) goto fail;
            int sub = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            r = sub < 0 ? skip_here(w, errno)
                        : walk_dir(w, sub, hidden || name[0] == '.', depth + 1);
            pop_rel(w, saved);
        }
        if (r < 0) goto fail;
    }
    PyMem_Free(subdirs.names);
    return 0;
fail:
    PyMem_Free(subdirs.names);
    return -1;
}

/* Takes ownership of dfd. */
static int walk_dir(Walk *w, int dfd, int hidden, int depth) {
#ifdef RAW_DENTS
    if (!w->dents && !(w->dents = PyMem_Malloc(DENTS_BYTES))) {
        close(dfd);
        PyErr_NoMemory();
        return -1;
    }
    Lister l = {dfd, w->dents, 0, 0};
    int r = walk_listing(w, &l, hidden, depth);
    close(dfd);
#else
    DIR *d = fdopendir(dfd);
    if (!d) {
        int err = errno;
        close(dfd);
        return skip_here(w, err);
    }
    Lister l = {dfd, d};
    int r = walk_listing(w, &l, hidden, depth);
    closedir(d);
#endif
    return r;
}

static int set_rel(Walk *w, PyObject *rel_bytes) {
    size_t n = (size_t)PyBytes_GET_SIZE(rel_bytes);
    if (grow(&w->rel, &w->rel_cap, n + 1) < 0) return -1;
    memcpy(w->rel, PyBytes_AS_STRING(rel_bytes), n + 1);
    w->rel_len = n;
    return 0;
}

/* The level of the folder being listed: the '/'s in its relative path. */
static int levels_of(const Walk *w) {
    int levels = 0;
    for (size_t i = 0; i < w->rel_len; i++) levels += w->rel[i] == '/';
    return levels;
}

/* The folder above the last root opened, kept open: a job's roots are mostly siblings (the
 * packages of one node_modules), and each opened by its whole path made the kernel resolve
 * every folder of it again (250k bench tree, warm: 4,100 roots below 23 folders). */
typedef struct {
    char *path; /* the parent's path, NUL-terminated; NULL when none is open */
    size_t cap;
    int fd;
} RootParent;

#define ROOT_FLAGS (O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
/* Only looked through, never read: O_PATH needs no read permission, as resolving the whole
 * path did not (a parent one may enter but not list still gives its roots). */
#ifdef O_PATH
#define PARENT_FLAGS (O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
#else
#define PARENT_FLAGS ROOT_FLAGS
#endif

static void root_parent_close(RootParent *rp) {
    if (rp->fd >= 0) close(rp->fd);
    rp->fd = -1;
    PyMem_Free(rp->path);
    rp->path = NULL;
    rp->cap = 0;
}

/* The root `path` opened, never through a link at its last part: relative to its parent's
 * descriptor (opened once for a run of siblings, O_NOFOLLOW too) when that parent opens;
 * by the whole path otherwise, so an error is the one that open gives. */
static int open_root(RootParent *rp, const char *path) {
    const char *slash = strrchr(path, '/');
    if (slash && slash != path && slash[1]) {
        size_t n = (size_t)(slash - path);
        if (!rp->path || strlen(rp->path) != n || memcmp(rp->path, path, n) != 0) {
            if (rp->fd >= 0) close(rp->fd);
            rp->fd = -1;
            if (grow(&rp->path, &rp->cap, n + 1) < 0) return -2;
            memcpy(rp->path, path, n);
            rp->path[n] = 0;
            rp->fd = open(rp->path, PARENT_FLAGS);
        }
        if (rp->fd >= 0) return openat(rp->fd, slash + 1, ROOT_FLAGS);
    }
    return open(path, ROOT_FLAGS);
}

static int measure_root(Walk *w, RootParent *rp, PyObject *root) {
    PyObject *path = NULL, *rel = NULL;
    int hidden, r = -1;
    if (!PyArg_ParseTuple(root, "O&O&p", PyUnicode_FSConverter, &path, PyUnicode_FSConverter,
                          &rel, &hidden))
        return -1;
    if (set_rel(w, rel) == 0) {
        int fd = open_root(rp, PyBytes_AS_STRING(path));
        r = fd == -2 ? -1 : fd < 0 ? skip_here(w, errno) : walk_dir(w, fd, hidden, levels_of(w));
    }
    Py_DECREF(path);
    Py_DECREF(rel);
    return r;
}

static PyObject *measure(PyObject *Py_UNUSED(module), PyObject *args) {
    PyObject *roots;
    unsigned long long device;
    int cross;
    if (!PyArg_ParseTuple(args, "OKp", &roots, &device, &cross)) return NULL;
    PyObject *seq = PySequence_Fast(roots, "roots must be a sequence");
    if (!seq) return NULL;
    Walk w = {0};
    w.device = (dev_t)device;
    w.cross = cross;
    w.surface = PyList_New(0);
    w.skipped = PyList_New(0);
    w.links = PyList_New(0);
    w.gitignore_dirs = PyList_New(0);
    w.vcs_markers = PyList_New(0);
    PyObject *result = NULL;
    if (w.surface && w.skipped && w.links && w.gitignore_dirs && w.vcs_markers) {
        Py_ssize_t n = PySequence_Fast_GET_SIZE(seq), i;
        RootParent parent = {NULL, 0, -1};
        for (i = 0; i < n; i++)
            if (measure_root(&w, &parent, PySequence_Fast_GET_ITEM(seq, i)) < 0) break;
        root_parent_close(&parent);
        if (i == n)
            result = Py_BuildValue("(LLLLLdOOOOO)", w.apparent, w.blocks, w.files, w.dirs,
                                   w.entries, w.newest, w.surface, w.skipped, w.links,
                                   w.gitignore_dirs, w.vcs_markers);
    }
    Py_DECREF(seq);
    Py_XDECREF(w.surface);
    Py_XDECREF(w.skipped);
    Py_XDECREF(w.links);
    Py_XDECREF(w.gitignore_dirs);
    Py_XDECREF(w.vcs_markers);
    PyMem_Free(w.rel);
    PyMem_Free(w.dents);
    return result;
}

static PyObject *markers(PyObject *Py_UNUSED(module), PyObject *Py_UNUSED(args)) {
    PyObject *out = PyFrozenSet_New(NULL);
    if (!out) return NULL;
    for (const char *const *m = MARKERS; *m; m++) {
        PyObject *name = PyUnicode_FromString(*m);
        if (!name || PySet_Add(out, name) < 0) {
            Py_XDECREF(name);
            Py_DECREF(out);
            return NULL;
        }
        Py_DECREF(name);
    }
    return out;
}

/* The number of fields of a link row (measure.Link): a build older than this source, whose
 * rows lack a field, is not used. */
static PyObject *link_fields(PyObject *Py_UNUSED(module), PyObject *Py_UNUSED(args)) {
    return PyLong_FromLong(8);
}

static PyObject *max_depth(PyObject *Py_UNUSED(module), PyObject *Py_UNUSED(args)) {
    return PyLong_FromLong(MAX_DEPTH);
}

/* ------------------------------------------------------------------ one folder's entries
 * lstat_names(dirfd, names): the explorer's per-entry lstat (tidy/workspace/walk.py), one
 * call per folder instead of one per entry. Each name is looked up with
 * fstatat(AT_SYMLINK_NOFOLLOW) relative to the open folder `dirfd` (no link followed, no
 * path resolved again; a path with folders, lstat_paths's, relative to its folder opened
 * below `dirfd` with none followed either: stat_below); the answer holds only the fields the walk reads, which costs less
 * to build than an os.stat_result (its float and nanosecond times for three clocks). An
 * entry that cannot be looked up is its errno. Read-only: nothing is opened or written. */
static PyTypeObject StatType;
static int stat_type_ready = 0;

static PyStructSequence_Field stat_fields[] = {
    {"st_mode", "file type and mode"},  {"st_ino", "inode"},
    {"st_dev", "device"},               {"st_nlink", "number of names"},
    {"st_size", "size in bytes"},       {"st_blocks", "512-byte blocks allocated"},
    {"st_mtime", "modified, in seconds (a float, as os.stat_result's)"},
    {"st_mtime_ns", "modified, in nanoseconds"},
    {"st_ctime_ns", "status changed, in nanoseconds"},
    {NULL, NULL},
};

static PyStructSequence_Desc stat_desc = {
    "tidy.workspace._fastmeasure.Stat", "The fields of an lstat the walk reads.", stat_fields, 9,
};

static long long ns_of(time_t sec, long nsec) { return (long long)sec * 1000000000LL + nsec; }

static PyObject *stat_of(const struct stat *st) {
    PyObject *out = PyStructSequence_New(&StatType);
    if (!out) return NULL;
    PyObject *items[9] = {
        PyLong_FromUnsignedLong((unsigned long)st->st_mode),
        PyLong_FromUnsignedLongLong((unsigned long long)st->st_ino),
        PyLong_FromUnsignedLongLong((unsigned long long)st->st_dev),
        PyLong_FromUnsignedLongLong((unsigned long long)st->st_nlink),
        PyLong_FromLongLong((long long)st->st_size),
        PyLong_FromLongLong((long long)st->st_blocks),
        PyFloat_FromDouble(mtime_of(st)),
#ifdef __APPLE__
        PyLong_FromLongLong(ns_of(st->st_mtimespec.tv_sec, st->st_mtimespec.tv_nsec)),
        PyLong_FromLongLong(ns_of(st->st_ctimespec.tv_sec, st->st_ctimespec.tv_nsec)),
#else
        PyLong_FromLongLong(ns_of(st->st_mtim.tv_sec, st->st_mtim.tv_nsec)),
        PyLong_FromLongLong(ns_of(st->st_ctim.tv_sec, st->st_ctim.tv_nsec)),
#endif
    };
    int ok = 1;
    for (int i = 0; i < 9; i++) {
        if (!items[i]) ok = 0;
        PyStructSequence_SET_ITEM(out, i, items[i] ? items[i] : Py_NewRef(Py_None));
    }
    if (!ok) {
        Py_DECREF(out);
        return NULL;
    }
    return out;
}

/* A path's folder opened below `dirfd` with no link followed at any level (open_beneath_fd,
 * below), kept while the next paths are in the same folder: lstat_paths and lstat_changed
 * look each path up relative to its own folder so that a folder of the path swapped for a
 * link since the walk gives the link's errno (ELOOP), never an outside file's size and
 * times (trust round 13). A repo's paths come in the index's order, a folder's files
 * together: one open per folder, not per file. */
#ifndef O_PATH
#define O_PATH O_RDONLY /* only a lookup's start: where O_PATH is missing, a plain open */
#endif

typedef struct {
    int dirfd;     /* the root's */
    int fd;        /* the folder of `folder`, or -1 */
    int err;       /* why `folder` could not be opened (fd -1), or 0 */
    char *folder;  /* the path's part before its last '/', NULL before the first */
    size_t len;
} Parent;

static int open_beneath_fd(int dirfd, const char *path, int flags);

static void parent_close(Parent *pa) {
    if (pa->fd >= 0) close(pa->fd);
    free(pa->folder);
    pa->fd = -1;
    pa->folder = NULL;
}

/* fstatat(AT_SYMLINK_NOFOLLOW) of `path`, found through its folder opened as said above. */
static int stat_below(Parent *pa, const char *path, struct stat *st) {
    const char *slash = strrchr(path, '/');
    if (!slash) return fstatat(pa->dirfd, path, st, AT_SYMLINK_NOFOLLOW);
    size_t len = (size_t)(slash - path);
    if (!pa->folder || pa->len != len || memcmp(pa->folder, path, len) != 0) {
        parent_close(pa);
        pa->folder = malloc(len + 1);
        if (!pa->folder) {
            errno = ENOMEM;
            return -1;
        }
        memcpy(pa->folder, path, len);
        pa->folder[len] = '\0';
        pa->len = len;
        int fd = len == 0 ? -1 : open_beneath_fd(pa->dirfd, pa->folder,
                                                 O_PATH | O_DIRECTORY | O_CLOEXEC);
        pa->err = len == 0 ? ENOENT : (fd < 0 ? errno : 0);
        pa->fd = fd;
    }
    if (pa->fd < 0) {
        errno = pa->err;
        return -1;
    }
    return fstatat(pa->fd, slash + 1, st, AT_SYMLINK_NOFOLLOW);
}

static PyObject *lstat_names(PyObject *Py_UNUSED(module), PyObject *args) {
    int dfd;
    PyObject *names;
    if (!PyArg_ParseTuple(args, "iO", &dfd, &names)) return NULL;
    PyObject *seq = PySequence_Fast(names, "names must be a sequence");
    if (!seq) return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    Parent parent = {dfd, -1, 0, NULL, 0};
    PyObject *out = PyList_New(n);
    if (!out) goto fail;
    for (Py_ssize_t i = 0; i < n; i++) {
        if ((i % SIGNAL_EVERY) == SIGNAL_EVERY - 1 && PyErr_CheckSignals() < 0) goto fail;
        PyObject *encoded = NULL;
        if (!PyUnicode_FSConverter(PySequence_Fast_GET_ITEM(seq, i), &encoded)) goto fail;
        const char *name = PyBytes_AS_STRING(encoded);
        if ((size_t)PyBytes_GET_SIZE(encoded) != strlen(name)) { /* as os.lstat refuses it */
            Py_DECREF(encoded);
            PyErr_SetString(PyExc_ValueError, "lstat_names: embedded null byte");
            goto fail;
        }
        struct stat st;
        int r = stat_below(&parent, name, &st);
        int err = errno;
        Py_DECREF(encoded);
        PyObject *item = r == 0 ? stat_of(&st) : PyLong_FromLong(err);
        if (!item) goto fail;
        PyList_SET_ITEM(out, i, item);
    }
    parent_close(&parent);
    Py_DECREF(seq);
    return out;
fail:
    parent_close(&parent);
    Py_DECREF(seq);
    Py_XDECREF(out);
    return NULL;
}

/* lstat_changed(dirfd, paths, keys, below): lstat_names for a content cache's check (a warm
 * scan: tidy/workspace/content.py, run_pass), without an answer to build for a file that is
 * as its entry says: a regular file under `below` bytes whose (device, inode, size,
 * mtime_ns, ctime_ns) is `keys[i]` is None; any other path is its Stat, or its errno when it
 * cannot be looked up. Each path is looked up once, relative to `dirfd`, its last component
 * never followed (fstatat(AT_SYMLINK_NOFOLLOW), as lstat_names). Why: a warm scan of the
 * 250k bench tree checks 21,700 files, and a Stat and its comparison in Python cost more
 * than the lookup's answer is worth when it only says "unchanged". Read-only. */
static int same_unsigned(PyObject *v, unsigned long long want) {
    if (!PyLong_Check(v)) return 0;
    unsigned long long x = PyLong_AsUnsignedLongLong(v);
    if (x == (unsigned long long)-1 && PyErr_Occurred()) {
        PyErr_Clear(); /* negative or past 64 bits: no stat has it */
        return 0;
    }
    return x == want;
}

static int same_signed(PyObject *v, long long want) {
    if (!PyLong_Check(v)) return 0;
    int overflow = 0;
    long long x = PyLong_AsLongLongAndOverflow(v, &overflow);
    if (x == -1 && PyErr_Occurred()) {
        PyErr_Clear();
        return 0;
    }
    return !overflow && x == want;
}

static int as_key(const struct stat *st, PyObject *key) {
    if (!PyTuple_Check(key) || PyTuple_GET_SIZE(key) != 5) return 0;
#ifdef __APPLE__
    long long mtime = ns_of(st->st_mtimespec.tv_sec, st->st_mtimespec.tv_nsec);
    long long ctime = ns_of(st->st_ctimespec.tv_sec, st->st_ctimespec.tv_nsec);
#else
    long long mtime = ns_of(st->st_mtim.tv_sec, st->st_mtim.tv_nsec);
    long long ctime = ns_of(st->st_ctim.tv_sec, st->st_ctim.tv_nsec);
#endif
    return same_unsigned(PyTuple_GET_ITEM(key, 0), (unsigned long long)st->st_dev) &&
           same_unsigned(PyTuple_GET_ITEM(key, 1), (unsigned long long)st->st_ino) &&
           same_signed(PyTuple_GET_ITEM(key, 2), (long long)st->st_size) &&
           same_signed(PyTuple_GET_ITEM(key, 3), mtime) &&
           same_signed(PyTuple_GET_ITEM(key, 4), ctime);
}

static PyObject *lstat_changed(PyObject *Py_UNUSED(module), PyObject *args) {
    int dfd;
    PyObject *paths, *keys;
    long long below;
    if (!PyArg_ParseTuple(args, "iOOL", &dfd, &paths, &keys, &below)) return NULL;
    PyObject *pseq = PySequence_Fast(paths, "paths must be a sequence");
    if (!pseq) return NULL;
    PyObject *kseq = PySequence_Fast(keys, "keys must be a sequence");
    if (!kseq) {
        Py_DECREF(pseq);
        return NULL;
    }
    PyObject *out = NULL;
    Parent parent = {dfd, -1, 0, NULL, 0};
    Py_ssize_t n = PySequence_Fast_GET_SIZE(pseq);
    if (PySequence_Fast_GET_SIZE(kseq) != n) {
        PyErr_SetString(PyExc_ValueError, "lstat_changed: one key per path");
        goto fail;
    }
    out = PyList_New(n);
    if (!out) goto fail;
    for (Py_ssize_t i = 0; i < n; i++) {
        if ((i % SIGNAL_EVERY) == SIGNAL_EVERY - 1 && PyErr_CheckSignals() < 0) goto fail;
        PyObject *encoded = NULL;
        if (!PyUnicode_FSConverter(PySequence_Fast_GET_ITEM(pseq, i), &encoded)) goto fail;
        const char *name = PyBytes_AS_STRING(encoded);
        if ((size_t)PyBytes_GET_SIZE(encoded) != strlen(name)) { /* as os.stat refuses it */
            Py_DECREF(encoded);
            PyErr_SetString(PyExc_ValueError, "lstat_changed: embedded null byte");
            goto fail;
        }
        struct stat st;
        int r = stat_below(&parent, name, &st);
        int err = errno;
        Py_DECREF(encoded);
        PyObject *item;
        if (r != 0)
            item = PyLong_FromLong(err);
        else if (S_ISREG(st.st_mode) && (long long)st.st_size < below &&
                 as_key(&st, PySequence_Fast_GET_ITEM(kseq, i)))
            item = Py_NewRef(Py_None);
        else
            item = stat_of(&st);
        if (!item) goto fail;
        PyList_SET_ITEM(out, i, item);
    }
    parent_close(&parent);
    Py_DECREF(pseq);
    Py_DECREF(kseq);
    return out;
fail:
    parent_close(&parent);
    Py_DECREF(pseq);
    Py_DECREF(kseq);
    Py_XDECREF(out);
    return NULL;
}

/* lstat_sum(dirfd, names, hidden, big, exact, starts, ends, any_file, programs): the
 * explorer's loop over one folder (tidy/workspace/walk.py, _visit_listing) for the entries
 * that only add to the folder's sums: a regular file with one name, under `big` bytes, whose
 * name no catalogued file kind can match (not in `exact`, starting with none of `starts`,
 * ending with none of `ends`, and `any_file` false; the catalogue's own test before its
 * patterns, Catalog.file_names) and, when `programs`, without an execute bit; and any other
 * non-folder entry with one name (a link, a FIFO: its size only). Every other entry (a
 * folder, one with several names, one that cannot be looked up, a file the Python side must
 * look at) comes back in `special` as (index, Stat or errno), in the listing's order.
 * Answers (files, apparent, blocks, newest, visible files, visible bytes, special): newest as
 * the Python loop keeps it (`if mtime > newest: newest = int(mtime)`), visible files those
 * not hidden (`hidden` false and no leading dot). Why: on the 250k bench tree nearly every
 * explored entry is such a file, and Python spent more on each one's answer than the kernel
 * on its lookup. Each name is looked up as lstat_names does; read-only. */
static int may_be_kind(PyObject *name, PyObject *exact, PyObject *starts, PyObject *ends) {
    int r = PySet_Contains(exact, name);
    if (r != 0) return r;
    for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(starts); k++) {
        Py_ssize_t t = PyUnicode_Tailmatch(name, PyTuple_GET_ITEM(starts, k), 0,
                                           PY_SSIZE_T_MAX, -1);
        if (t != 0) return (int)t;
    }
    for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(ends); k++) {
        Py_ssize_t t = PyUnicode_Tailmatch(name, PyTuple_GET_ITEM(ends, k), 0,
                                           PY_SSIZE_T_MAX, 1);
        if (t != 0) return (int)t;
    }
    return 0;
}

static int add_special(PyObject *special, Py_ssize_t index, PyObject *item) {
    if (!item) return -1;
    PyObject *pair = Py_BuildValue("(nN)", index, item);
    if (!pair) return -1;
    int r = PyList_Append(special, pair);
    Py_DECREF(pair);
    return r;
}

static PyObject *lstat_sum(PyObject *Py_UNUSED(module), PyObject *args) {
    int dfd, hidden, any_file, programs, overflow = 0;
    PyObject *names, *big_obj, *exact, *starts, *ends;
    if (!PyArg_ParseTuple(args, "iOpO!O!O!O!pp", &dfd, &names, &hidden, &PyLong_Type, &big_obj,
                          &PyFrozenSet_Type, &exact, &PyTuple_Type, &starts, &PyTuple_Type,
                          &ends, &any_file, &programs))
        return NULL;
    /* Any int, as Python compares it: past 64 bits no file is that big (or every one is). */
    long long big = PyLong_AsLongLongAndOverflow(big_obj, &overflow);
    if (big == -1 && PyErr_Occurred()) return NULL;
    PyObject *seq = PySequence_Fast(names, "names must be a sequence");
    if (!seq) return NULL;
    long long files = 0, apparent = 0, blocks = 0, newest = 0, visible = 0, visible_bytes = 0;
    PyObject *special = PyList_New(0);
    if (!special) goto fail;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    for (Py_ssize_t i = 0; i < n; i++) {
        if ((i % SIGNAL_EVERY) == SIGNAL_EVERY - 1 && PyErr_CheckSignals() < 0) goto fail;
        PyObject *name_obj = PySequence_Fast_GET_ITEM(seq, i);
        if (!PyUnicode_Check(name_obj)) {
            PyErr_SetString(PyExc_TypeError, "lstat_sum: names must be str");
            goto fail;
        }
        PyObject *encoded = NULL;
        if (!PyUnicode_FSConverter(name_obj, &encoded)) goto fail;
        const char *name = PyBytes_AS_STRING(encoded);
        if ((size_t)PyBytes_GET_SIZE(encoded) != strlen(name)) { /* as os.lstat refuses it */
            Py_DECREF(encoded);
            PyErr_SetString(PyExc_ValueError, "lstat_sum: embedded null byte");
            goto fail;
        }
        struct stat st;
        int r = fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW);
        int err = errno;
        int dot = name[0] == '.';
        Py_DECREF(encoded);
        if (r != 0) {
            if (add_special(special, i, PyLong_FromLong(err)) < 0) goto fail;
            continue;
        }
        if (S_ISDIR(st.st_mode) || st.st_nlink > 1) {
            if (add_special(special, i, stat_of(&st)) < 0) goto fail;
            continue;
        }
        if (!S_ISREG(st.st_mode)) {
            apparent += (long long)st.st_size;
            blocks += (long long)st.st_blocks;
            continue;
        }
        int is_big = overflow > 0 ? 0 : overflow < 0 ? 1 : (long long)st.st_size >= big;
        int look = is_big || (programs && (st.st_mode & 0111)) || any_file;
        if (!look) {
            look = may_be_kind(name_obj, exact, starts, ends);
            if (look < 0) goto fail;
        }
        if (look) {
            if (add_special(special, i, stat_of(&st)) < 0) goto fail;
            continue;
        }
        files++;
        apparent += (long long)st.st_size;
        blocks += (long long)st.st_blocks;
        double mtime = mtime_of(&st);
        if (mtime > (double)newest) newest = (long long)mtime;
        if (!hidden && !dot) {
            visible++;
            visible_bytes += (long long)st.st_size;
        }
    }
    Py_DECREF(seq);
    return Py_BuildValue("(LLLLLLN)", files, apparent, blocks, newest, visible, visible_bytes,
                         special);
fail:
    Py_DECREF(seq);
    Py_XDECREF(special);
    return NULL;
}

/* paths_clean(fields): whether no NUL-terminated field of `fields` is a path git could not
 * have in its index: empty, absolute, with a trailing slash, an empty, `.` or `..` component,
 * or a `.git` component in any case of its ASCII letters (tidy/workspace/index_cache.py
 * checks a kept listing with it; its regular expression is the fallback and what tests hold
 * this to). A last field without its NUL is not judged. One pass, nothing allocated. */
static int lower_ascii(unsigned char c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

static int bad_component(const unsigned char *c, Py_ssize_t len) {
    if (len == 0) return 1;
    if (c[0] != '.') return 0;
    if (len == 1) return 1;
    if (len == 2) return c[1] == '.';
    return len == 4 && lower_ascii(c[1]) == 'g' && lower_ascii(c[2]) == 'i' &&
           lower_ascii(c[3]) == 't';
}

static int is_separator(unsigned char c) { return c == 0 || c == '/'; }

/* Whether the component starting at `s` is one paths_clean refuses: only an empty one or one
 * starting with a dot can be, and only when a separator ends it (not judged otherwise). */
static int bad_component_at(const unsigned char *p, Py_ssize_t n, Py_ssize_t s) {
    if (s >= n || (p[s] != '.' && !is_separator(p[s]))) return 0;
    Py_ssize_t e = s;
    while (e < n && !is_separator(p[e])) {
        if (e - s == 4) return 0; /* five bytes or more: never refused */
        e++;
    }
    return e < n && bad_component(p + s, e - s);
}

/* Only a component right after a separator (or the first) that is empty or starts with a dot
 * can be refused: those starts are found 16 bytes at a time where SSE2 is there (every x86-64:
 * a separator whose next byte is a separator or a dot), the rest one byte at a time. The
 * byte loop's answer either way (250k bench tree's 3 MB: ~27 M instructions before). */
static PyObject *paths_clean(PyObject *Py_UNUSED(module), PyObject *arg) {
    Py_buffer view;
    if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) < 0) return NULL;
    const unsigned char *p = view.buf;
    Py_ssize_t n = view.len, k = 0;
    int clean = !bad_component_at(p, n, 0);
#if defined(__SSE2__)
    const __m128i nul = _mm_setzero_si128(), slash = _mm_set1_epi8('/'), dot = _mm_set1_epi8('.');
    for (; clean && k + 17 <= n; k += 16) {
        __m128i here = _mm_loadu_si128((const __m128i *)(p + k));
        __m128i next = _mm_loadu_si128((const __m128i *)(p + k + 1));
        __m128i sep = _mm_or_si128(_mm_cmpeq_epi8(here, nul), _mm_cmpeq_epi8(here, slash));
        __m128i then = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(next, nul),
                                                 _mm_cmpeq_epi8(next, slash)),
                                    _mm_cmpeq_epi8(next, dot));
        unsigned mask = (unsigned)_mm_movemask_epi8(_mm_and_si128(sep, then));
        while (mask != 0 && clean) {
            if (bad_component_at(p, n, k + __builtin_ctz(mask) + 1)) clean = 0;
            mask &= mask - 1;
        }
    }
#endif
    for (; clean && k < n; k++) {
        if (is_separator(p[k]) && bad_component_at(p, n, k + 1)) clean = 0;
    }
    PyBuffer_Release(&view);
    return PyBool_FromLong(clean);
}

/* packed_entries(paths, stats, table, cutoff, entry_type): the file entries of a content
 * cache (tidy/workspace/content_cache.py, trusted_entries; its Python loop is the fallback and
 * what tests hold this to). `paths` is a list of str, `stats` their stat keys and facts rows
 * packed as content_cache.PACKED says (per path 48 bytes, little-endian: device, inode, size
 * as unsigned 64-bit numbers, mtime_ns, ctime_ns as signed ones, the row of `table`). Anything
 * else (a path not a str, a path twice, a length that is not 48 per path, a row past the
 * table) and the answer is None: nothing of that cache is trusted. Otherwise a dict of path ->
 * entry_type((device, inode, size, mtime_ns, ctime_ns), table[row]) (the facts dict itself,
 * shared), without the entries whose mtime_ns or ctime_ns is not below `cutoff` (racy: the
 * cache file's own mtime). Why C: a warm scan makes one entry per file of the repo before it
 * can check any (250k bench tree: 21,700 entries). Read-only. */
#define PACKED_BYTES 48

static unsigned long long le64(const unsigned char *p) {
    unsigned long long x = 0;
    for (int i = 7; i >= 0; i--) x = (x << 8) | p[i];
    return x;
}

/* One entry from its packed record; `last` holds the numbers of the record before it (raw and
 * made), reused when equal: most files share their device, many a size or a time, and a file's
 * mtime is often its ctime (250k bench tree: ~2 of the 5 numbers made per entry). */
typedef struct {
    unsigned long long raw[5];
    PyObject *made[5];
} Recent;

static PyObject *packed_number(Recent *last, int i, unsigned long long raw) {
    if (last->made[i] != NULL && last->raw[i] == raw) return Py_NewRef(last->made[i]);
    if (i == 4 && last->made[3] != NULL && last->raw[3] == raw) /* ctime == mtime */
        return Py_NewRef(last->made[3]);
    PyObject *n = i < 3 ? PyLong_FromUnsignedLongLong(raw) : PyLong_FromLongLong((long long)raw);
    if (!n) return NULL;
    Py_XSETREF(last->made[i], Py_NewRef(n));
    last->raw[i] = raw;
    return n;
}

static PyObject *packed_entry(PyTypeObject *type, const unsigned char *p, PyObject *facts,
                              Recent *last) {
    PyObject *key = PyTuple_New(5);
    if (!key) return NULL;
    for (int i = 0; i < 5; i++) {
        PyObject *n = packed_number(last, i, le64(p + 8 * i));
        if (!n) {
            Py_DECREF(key);
            return NULL;
        }
        PyTuple_SET_ITEM(key, i, n);
    }
    /* As tuple's own __new__ makes an instance of a subclass (tuple_subtype_new). */
    PyObject *entry = type->tp_alloc(type, 2);
    if (!entry) {
        Py_DECREF(key);
        return NULL;
    }
    PyTuple_SET_ITEM(entry, 0, key);
    PyTuple_SET_ITEM(entry, 1, Py_NewRef(facts));
    return entry;
}

static void forget_recent(Recent *last) {
    for (int i = 0; i < 5; i++) Py_CLEAR(last->made[i]);
}

static PyObject *packed_entries(PyObject *Py_UNUSED(module), PyObject *args) {
    PyObject *paths, *table, *entry_type;
    Py_buffer stats;
    long long cutoff;
    if (!PyArg_ParseTuple(args, "O!y*O!LO!", &PyList_Type, &paths, &stats, &PyList_Type,
                          &table, &cutoff, &PyType_Type, &entry_type))
        return NULL;
    PyObject *out = NULL, *racy = NULL;
    Recent last = {{0}, {NULL}};
    PyTypeObject *type = (PyTypeObject *)entry_type;
    if (!PyType_IsSubtype(type, &PyTuple_Type) ||
        type->tp_basicsize != PyTuple_Type.tp_basicsize ||
        type->tp_itemsize != PyTuple_Type.tp_itemsize) {
        PyErr_SetString(PyExc_TypeError,
                        "packed_entries: entry_type must be a plain tuple subclass");
        goto fail;
    }
    Py_ssize_t n = PyList_GET_SIZE(paths), rows = PyList_GET_SIZE(table);
    if (stats.len != n * PACKED_BYTES) goto untrusted;
    out = PyDict_New();
    racy = PyList_New(0);
    if (!out || !racy) goto fail;
    const unsigned char *base = (const unsigned char *)stats.buf;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *rel = PyList_GET_ITEM(paths, i);
        const unsigned char *p = base + i * PACKED_BYTES;
        unsigned long long row = le64(p + 40);
        if (!PyUnicode_CheckExact(rel) || row >= (unsigned long long)rows) goto untrusted;
        long long mtime = (long long)le64(p + 24), ctime = (long long)le64(p + 32);
        /* Racy ones too, taken out after: a path twice is found either way. */
        PyObject *entry = packed_entry(type, p, PyList_GET_ITEM(table, (Py_ssize_t)row), &last);
        if (!entry) goto fail;
        int r = PyDict_SetItem(out, rel, entry);
        Py_DECREF(entry);
        if (r < 0) goto fail;
        if (!(mtime < cutoff && ctime < cutoff) && PyList_Append(racy, rel) < 0) goto fail;
    }
    if (PyDict_GET_SIZE(out) != n) goto untrusted; /* a path twice */
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(racy); i++)
        if (PyDict_DelItem(out, PyList_GET_ITEM(racy, i)) < 0) goto fail;
    Py_DECREF(racy);
    forget_recent(&last);
    PyBuffer_Release(&stats);
    return out;
untrusted:
    Py_XDECREF(out);
    Py_XDECREF(racy);
    forget_recent(&last);
    PyBuffer_Release(&stats);
    Py_RETURN_NONE;
fail:
    Py_XDECREF(out);
    Py_XDECREF(racy);
    forget_recent(&last);
    PyBuffer_Release(&stats);
    return NULL;
}

/* folder_counts(paths) -> {folder: count}: how many of `paths` (a list of str) lie right in
 * each folder, a path's folder being its part before its last '/' ("" for none): what
 * collections.Counter(p.rpartition("/")[0] for p in paths) counts (tidy/rules/vendored.py,
 * per_folder). A run of paths in one folder (the index's order keeps a folder's files
 * together) is counted without a string made per path: its folder is made once per run.
 * Why: the vendored rule's early job counts the 21,700 searched files of the 250k bench tree
 * this way on every warm scan, and the generator made two strings and a tuple per path. */
static int add_run(PyObject *counts, PyObject *folder, Py_ssize_t run) {
    PyObject *had = PyDict_GetItemWithError(counts, folder);
    if (!had && PyErr_Occurred()) return -1;
    Py_ssize_t before = had ? PyLong_AsSsize_t(had) : 0;
    if (before < 0 && PyErr_Occurred()) return -1;
    PyObject *now = PyLong_FromSsize_t(before + run);
    if (!now) return -1;
    int r = PyDict_SetItem(counts, folder, now);
    Py_DECREF(now);
    return r;
}

static PyObject *folder_counts(PyObject *Py_UNUSED(module), PyObject *arg) {
    if (!PyList_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "folder_counts: paths must be a list");
        return NULL;
    }
    PyObject *counts = PyDict_New(), *folder = NULL;
    if (!counts) return NULL;
    Py_ssize_t run = 0;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(arg); i++) {
        PyObject *path = PyList_GET_ITEM(arg, i);
        if (!PyUnicode_Check(path)) {
            PyErr_SetString(PyExc_TypeError, "folder_counts: a path is not a str");
            goto fail;
        }
        Py_ssize_t len = PyUnicode_GET_LENGTH(path);
        Py_ssize_t slash = PyUnicode_FindChar(path, '/', 0, len, -1);
        if (slash == -2) goto fail;
        Py_ssize_t end = slash < 0 ? 0 : slash;
        /* The same folder as the run's: as long, and the path starts with it. */
        if (folder && PyUnicode_GET_LENGTH(folder) == end) {
            Py_ssize_t same = PyUnicode_Tailmatch(path, folder, 0, end, -1);
            if (same < 0) goto fail;
            if (same) {
                run++;
                continue;
            }
        }
        if (folder && add_run(counts, folder, run) < 0) goto fail;
        Py_XDECREF(folder);
        folder = PyUnicode_Substring(path, 0, end);
        if (!folder) goto fail;
        run = 1;
    }
    if (folder && add_run(counts, folder, run) < 0) goto fail;
    Py_XDECREF(folder);
    return counts;
fail:
    Py_XDECREF(folder);
    Py_DECREF(counts);
    return NULL;
}

/* lowered(data) -> bytes: bytes.lower()'s answer for any bytes-like `data` (each ASCII 'A'-'Z'
 * made 'a'-'z', every other byte as it is), 16 bytes at a time where SSE2 is there (every
 * x86-64), else (and for the tail) one byte at a time. Why: the reference search lowers every
 * text file it reads (tidy/workspace/content.py, _Reader._search: ahocorasick_rs has no
 * case-insensitive search), and CPython's loop over the bytes was ~22 % of a cold content
 * pass's CPU (~1.4 ns a byte). Read-only. */
static PyObject *lowered(PyObject *Py_UNUSED(module), PyObject *arg) {
    Py_buffer view;
    if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) < 0) return NULL;
    PyObject *out = PyBytes_FromStringAndSize(NULL, view.len);
    if (!out) {
        PyBuffer_Release(&view);
        return NULL;
    }
    const unsigned char *p = view.buf;
    unsigned char *q = (unsigned char *)PyBytes_AS_STRING(out);
    Py_ssize_t n = view.len, k = 0;
#if defined(__SSE2__)
    /* Signed comparisons: a byte of 0x80 and up is negative, never between 'A' and 'Z'. */
    const __m128i before_a = _mm_set1_epi8('A' - 1), after_z = _mm_set1_epi8('Z' + 1),
                  bit = _mm_set1_epi8(0x20);
    for (; k + 16 <= n; k += 16) {
        __m128i c = _mm_loadu_si128((const __m128i *)(p + k));
        __m128i upper = _mm_and_si128(_mm_cmpgt_epi8(c, before_a), _mm_cmplt_epi8(c, after_z));
        _mm_storeu_si128((__m128i *)(q + k), _mm_or_si128(c, _mm_and_si128(upper, bit)));
    }
#endif
    for (; k < n; k++) q[k] = (unsigned char)lower_ascii(p[k]);
    PyBuffer_Release(&view);
    return out;
}

/* The reference search's hits in C: content._compact_hits(content._with_lines(hay, found))
 * and content._expanded_hits, with the same answers (tests/workspace/test_line_hits.py holds
 * them to the Python twins, which TIDY_PURE_PYTHON=1 runs). Why: a Python step per hit (the
 * bench web app: 19,544 hits found, 16,548 kept) was ~7 % of a cold early job's CPU for the
 * lines and the compaction, and ~2 % more to expand them again for TDY401's after_pass. */

typedef struct {
    Py_ssize_t start, end, order;
    PyObject *pattern; /* borrowed from `found` */
} found_hit;

/* By start, then by place in `found`: sorted(found, key=start) is stable. */
static int by_start(const void *a, const void *b) {
    const found_hit *x = a, *y = b;
    if (x->start != y->start) return x->start < y->start ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

/* A byte of a word (bytes.isalnum() of one byte, and '_'): a hit touching one is inside a
 * longer word (`ace` in `replace`), no reference. */
static int word_byte(unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

/* bytes.strip()'s whitespace: space, \t, \n, \v, \f, \r. */
static int strip_byte(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

/* The newlines in p[from:to], 16 bytes at a time where SSE2 is there (a memchr per line cost
 * a call per short line: most of line_hits' time on a file of many lines). */
static Py_ssize_t newlines(const char *p, Py_ssize_t from, Py_ssize_t to) {
    Py_ssize_t n = 0;
#if defined(__SSE2__)
    const __m128i newline = _mm_set1_epi8('\n');
    for (; from + 16 <= to; from += 16) {
        __m128i c = _mm_loadu_si128((const __m128i *)(p + from));
        n += __builtin_popcount((unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(c, newline)));
    }
#endif
    while (from < to) {
        const char *q = memchr(p + from, '\n', (size_t)(to - from));
        if (!q) break;
        n++;
        from = q - p + 1;
    }
    return n;
}

/* The text a hit's line shows: the line stripped, its first `shown` bytes decoded as UTF-8
 * with U+FFFD for what is no UTF-8 (line.strip()[:shown].decode("utf-8", "replace")). */
static PyObject *line_text(const char *p, Py_ssize_t from, Py_ssize_t to, Py_ssize_t shown) {
    while (from < to && strip_byte((unsigned char)p[from])) from++;
    while (to > from && strip_byte((unsigned char)p[to - 1])) to--;
    if (to - from > shown) to = from + shown;
    return PyUnicode_DecodeUTF8(p + from, to - from, "replace");
}

/* Reads `found` (pattern, start, end) triples into `hits`, in search order; -1 on a bad one. */
static int read_found(PyObject *seq, Py_ssize_t size, found_hit *hits, Py_ssize_t count) {
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *item = PySequence_Fast_GET_ITEM(seq, i);
        if (!PyTuple_Check(item) || PyTuple_GET_SIZE(item) != 3) {
            PyErr_SetString(PyExc_TypeError, "a match is a (pattern, start, end) tuple");
            return -1;
        }
        hits[i].pattern = PyTuple_GET_ITEM(item, 0);
        hits[i].start = PyLong_AsSsize_t(PyTuple_GET_ITEM(item, 1));
        hits[i].end = PyLong_AsSsize_t(PyTuple_GET_ITEM(item, 2));
        hits[i].order = i;
        if (PyErr_Occurred()) return -1;
        if (hits[i].start < 0 || hits[i].start > hits[i].end || hits[i].end > size) {
            PyErr_SetString(PyExc_ValueError, "a match outside the haystack");
            return -1;
        }
    }
    return 0;
}

/* Appends a new list of `n` items (references stolen from `items`) to `out`; -1 on error. */
static int append_new_list(PyObject *out, PyObject **items, Py_ssize_t n) {
    PyObject *row = PyList_New(n);
    if (!row) {
        for (Py_ssize_t i = 0; i < n; i++) Py_XDECREF(items[i]);
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (!items[i]) {
            Py_DECREF(row);
            for (Py_ssize_t j = i + 1; j < n; j++) Py_XDECREF(items[j]);
            return -1;
        }
        PyList_SET_ITEM(row, i, items[i]);
    }
    int failed = PyList_Append(out, row);
    Py_DECREF(row);
    return failed;
}

/* line_hits(hay, found, shown) -> [[pattern, line, text] | [pattern, line]]: each match of
 * `found` not inside a longer word, by start, with its line number; the first hit of a line
 * carries the line's text. Lines are counted once over the haystack, from hit to hit, and a
 * later hit within the line last shown reuses it (a minified file's one long line). */
static PyObject *line_hits(PyObject *Py_UNUSED(module), PyObject *args) {
    Py_buffer view;
    PyObject *found;
    Py_ssize_t shown;
    if (!PyArg_ParseTuple(args, "y*On", &view, &found, &shown)) return NULL;
    PyObject *out = NULL, *seq = PySequence_Fast(found, "found must be a sequence");
    found_hit *hits = NULL;
    if (!seq) goto done;
    Py_ssize_t count = PySequence_Fast_GET_SIZE(seq), size = view.len;
    hits = PyMem_Malloc(sizeof(found_hit) * (size_t)(count ? count : 1));
    if (!hits) {
        PyErr_NoMemory();
        goto done;
    }
    if (read_found(seq, size, hits, count) < 0) goto done;
    qsort(hits, (size_t)count, sizeof(found_hit), by_start);
    out = PyList_New(0);
    if (!out) goto done;
    const char *p = view.buf;
    Py_ssize_t line_no = 1, counted_to = 0, line_start = 0, line_stop = -1, shown_line = 0;
    Py_ssize_t text_from = 0, text_to = 0; /* the line's bytes, for its first hit's text */
    for (Py_ssize_t i = 0; i < count; i++) {
        Py_ssize_t start = hits[i].start, end = hits[i].end;
        if ((start && word_byte((unsigned char)p[start - 1])) ||
            (end < size && word_byte((unsigned char)p[end])))
            continue;
        if (!(line_start <= start && end <= line_stop)) {
            line_no += newlines(p, counted_to, start);
            const char *before = start ? memrchr(p, '\n', (size_t)start) : NULL;
            line_start = before ? before - p + 1 : 0;
            const char *after = memchr(p + end, '\n', (size_t)(size - end));
            line_stop = after ? after - p : size;
            text_from = line_start;
            text_to = line_stop;
            /* A pattern holding a newline: this text is that hit's alone. */
            if (memchr(p + line_start, '\n', (size_t)(line_stop - line_start))) line_stop = -1;
        }
        counted_to = start;
        PyObject *items[3];
        Py_INCREF(hits[i].pattern);
        items[0] = hits[i].pattern;
        items[1] = PyLong_FromSsize_t(line_no);
        int first = line_no != shown_line; /* lines only grow: a line not shown yet */
        items[2] = first ? line_text(p, text_from, text_to, shown) : NULL;
        if (append_new_list(out, items, first ? 3 : 2) < 0) {
            Py_CLEAR(out);
            goto done;
        }
        shown_line = line_no;
    }
done:
    PyMem_Free(hits);
    Py_XDECREF(seq);
    PyBuffer_Release(&view);
    return out;
}

/* expanded_hits(raw) -> [(pattern, line, text)]: line_hits' rows (as the cache keeps them)
 * made whole again; a row of neither shape, or of a line no earlier row gave the text of, is
 * left out (the cache is untrusted). */
static PyObject *expanded_hits(PyObject *Py_UNUSED(module), PyObject *raw) {
    PyObject *seq = PySequence_Fast(raw, "raw hits must be a sequence");
    if (!seq) return NULL;
    PyObject *texts = PyDict_New(), *out = PyList_New(0);
    if (!texts || !out) goto fail;
    Py_ssize_t count = PySequence_Fast_GET_SIZE(seq);
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *row = PySequence_Fast_GET_ITEM(seq, i);
        if (!PyList_CheckExact(row) || PyList_GET_SIZE(row) == 0 ||
            !PyLong_CheckExact(PyList_GET_ITEM(row, 0)))
            continue;
        Py_ssize_t n = PyList_GET_SIZE(row);
        if (n != 2 && n != 3) continue;
        PyObject *pattern = PyList_GET_ITEM(row, 0), *line = PyList_GET_ITEM(row, 1), *text;
        if (!PyLong_CheckExact(line)) continue;
        if (n == 3) {
            if (!PyUnicode_Check(PyList_GET_ITEM(row, 2))) continue;
            text = PyDict_SetDefault(texts, line, PyList_GET_ITEM(row, 2)); /* borrowed */
            if (!text) goto fail;
        } else {
            text = PyDict_GetItemWithError(texts, line); /* borrowed */
            if (!text && PyErr_Occurred()) goto fail;
        }
        if (!text) continue;
        PyObject *hit = PyTuple_Pack(3, pattern, line, text);
        if (!hit) goto fail;
        int failed = PyList_Append(out, hit);
        Py_DECREF(hit);
        if (failed < 0) goto fail;
    }
    Py_DECREF(texts);
    Py_DECREF(seq);
    return out;
fail:
    Py_XDECREF(texts);
    Py_XDECREF(out);
    Py_DECREF(seq);
    return NULL;
}

/* index_blob_id(data, position, st) -> str | None: blobs.IndexStat.blob_id's test of the entry
 * at `position` of the index file `data` against the file's fstat `st`, and its object id in
 * hex when every field git keeps is the file's (each field 32 bits: the file's value masked,
 * its size and times whole); None when one is not. The Python twin is
 * blobs.entry_blob_id_in_python (tests/workspace/test_index_stat.py holds them to the same
 * answers). Why C: the cold pass asks it for every file it reads whole (web app: 7,143 files,
 * ~10 ms of CPU in Python, unpacking twelve fields to compare seven). */
static PyObject *st_ino_name, *st_dev_name, *st_uid_name, *st_gid_name, *st_size_name,
    *st_mtime_ns_name, *st_ctime_ns_name;

static uint32_t be32(const unsigned char *p) {
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

/* The stat field `name` of `st` as a signed 64-bit value: 0 and *fits = 0 when it does not
 * fit (no entry's value can be it then); -1 on an error. */
static int stat_field(PyObject *st, PyObject *name, int masked, long long *value, int *fits) {
    PyObject *got = PyObject_GetAttr(st, name);
    if (!got) return -1;
    if (masked) { /* compared as its low 32 bits: any int is */
        unsigned long long low = PyLong_AsUnsignedLongLongMask(got);
        Py_DECREF(got);
        if (low == (unsigned long long)-1 && PyErr_Occurred()) return -1;
        *value = (long long)(low & 0xFFFFFFFFull);
        return 0;
    }
    int overflow = 0;
    *value = PyLong_AsLongLongAndOverflow(got, &overflow);
    Py_DECREF(got);
    if (*value == -1 && PyErr_Occurred()) return -1;
    if (overflow) *fits = 0;
    return 0;
}

static PyObject *index_blob_id(PyObject *Py_UNUSED(module), PyObject *args) {
    Py_buffer view;
    Py_ssize_t position;
    PyObject *st;
    if (!PyArg_ParseTuple(args, "y*nO", &view, &position, &st)) return NULL;
    PyObject *out = NULL;
    if (position < 0 || position > view.len - 62) {
        PyErr_SetString(PyExc_ValueError, "an index entry past the data");
        goto done;
    }
    const unsigned char *e = (const unsigned char *)view.buf + position;
    /* ctime (s, ns), mtime (s, ns), dev, ino, mode, uid, gid, size, then the id */
    long long ctime_ns = (long long)be32(e) * 1000000000LL + be32(e + 4);
    long long mtime_ns = (long long)be32(e + 8) * 1000000000LL + be32(e + 12);
    long long want[7] = {be32(e + 36), mtime_ns, ctime_ns, be32(e + 20), be32(e + 16),
                         be32(e + 28), be32(e + 32)};
    PyObject *names[7] = {st_size_name, st_mtime_ns_name, st_ctime_ns_name, st_ino_name,
                          st_dev_name, st_uid_name, st_gid_name};
    for (int i = 0; i < 7; i++) {
        long long value = 0;
        int fits = 1;
        if (stat_field(st, names[i], i >= 3, &value, &fits) < 0) goto done;
        if (!fits || value != want[i]) {
            out = Py_NewRef(Py_None);
            goto done;
        }
    }
    static const char hex[] = "0123456789abcdef";
    char text[40];
    for (int i = 0; i < 20; i++) {
        text[2 * i] = hex[e[40 + i] >> 4];
        text[2 * i + 1] = hex[e[40 + i] & 15];
    }
    out = PyUnicode_FromStringAndSize(text, 40);
done:
    PyBuffer_Release(&view);
    return out;
}

/* open_beneath(dirfd, path, flags) -> fd: `path` (relative, as the walk gives one) opened below
 * the open folder `dirfd` with no link followed at any level, so a folder of the path swapped
 * for a link after the walk saw it cannot turn the read into one of a file outside the root
 * (O_NOFOLLOW alone guards the last part only: trust round 12). openat2 with
 * RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS where the kernel has it (5.6); otherwise (ENOSYS, or
 * a sandbox refusing the call with EPERM) each folder opened with O_NOFOLLOW | O_DIRECTORY
 * relative to the one above, as tidy.workspace.beneath's Python twin does. An absolute path
 * or a ".." part is refused (EXDEV) by both before anything is opened. OSError otherwise. */
static int beneath_parts_ok(const char *path) {
    if (path[0] == '/' || path[0] == '\0') return 0;
    for (const char *p = path; *p;) {
        const char *end = strchr(p, '/');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len == 2 && p[0] == '.' && p[1] == '.') return 0;
        if (!end) break;
        p = end + 1;
    }
    return 1;
}

static int open_by_parts(int dirfd, const char *path, int flags) {
    int cur = dirfd;
    const char *p = path;
    char name[NAME_MAX + 1];
    for (const char *end; (end = strchr(p, '/')) != NULL; p = end + 1) {
        size_t len = (size_t)(end - p);
        if (len == 0 || (len == 1 && p[0] == '.')) continue;
        if (len > NAME_MAX) {
            if (cur != dirfd) close(cur);
            errno = ENAMETOOLONG;
            return -1;
        }
        memcpy(name, p, len);
        name[len] = '\0';
        int next = openat(cur, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        int saved = errno;
        if (cur != dirfd) close(cur);
        if (next < 0) {
            errno = saved;
            return -1;
        }
        cur = next;
    }
    int fd = openat(cur, *p ? p : ".", flags | O_NOFOLLOW); /* "lib/": the folder, as openat2 */
    int saved = errno;
    if (cur != dirfd) close(cur);
    errno = saved;
    return fd;
}

#ifdef HAVE_OPENAT2
static int openat2_missing = 0; /* the kernel said ENOSYS once: not asked again */
#endif

static int open_beneath_fd(int dirfd, const char *path, int flags) {
#ifdef HAVE_OPENAT2
    if (!openat2_missing) {
        struct open_how how;
        memset(&how, 0, sizeof how);
        how.flags = (unsigned long long)(unsigned int)(flags | O_NOFOLLOW);
        how.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS;
        long fd = syscall(SYS_openat2, dirfd, path, &how, sizeof how);
        if (fd >= 0) return (int)fd;
        if (errno == ENOSYS) openat2_missing = 1;
        else if (errno != EPERM) return -1;
    }
#endif
    return open_by_parts(dirfd, path, flags);
}

static PyObject *open_beneath_as(PyObject *args, int (*opener)(int, const char *, int)) {
    int dirfd, flags;
    PyObject *path_bytes = NULL;
    if (!PyArg_ParseTuple(args, "iO&i", &dirfd, PyUnicode_FSConverter, &path_bytes, &flags))
        return NULL;
    const char *path = PyBytes_AS_STRING(path_bytes);
    if ((Py_ssize_t)strlen(path) != PyBytes_GET_SIZE(path_bytes)) {
        Py_DECREF(path_bytes);
        PyErr_SetString(PyExc_ValueError, "open_beneath: embedded null byte");
        return NULL;
    }
    if (!beneath_parts_ok(path)) {
        errno = EXDEV;
        PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, path_bytes);
        Py_DECREF(path_bytes);
        return NULL;
    }
    int fd;
    Py_BEGIN_ALLOW_THREADS
    fd = opener(dirfd, path, flags);
    Py_END_ALLOW_THREADS
    if (fd < 0) {
        PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, path_bytes);
        Py_DECREF(path_bytes);
        return NULL;
    }
    Py_DECREF(path_bytes);
    return PyLong_FromLong(fd);
}

static PyObject *open_beneath(PyObject *Py_UNUSED(module), PyObject *args) {
    return open_beneath_as(args, open_beneath_fd);
}

/* open_beneath_by_parts: open_beneath's way where openat2 is missing, asked for directly (the
 * tests hold it to the same answers on a kernel that has openat2). */
static PyObject *open_beneath_by_parts(PyObject *Py_UNUSED(module), PyObject *args) {
    return open_beneath_as(args, open_by_parts);
}

/* openat2_used() -> bool: whether open_beneath asks openat2 (built with it, and the kernel has
 * not answered ENOSYS): for tests and the bench to say which way was taken. */
static PyObject *openat2_used(PyObject *Py_UNUSED(module), PyObject *Py_UNUSED(args)) {
#ifdef HAVE_OPENAT2
    return PyBool_FromLong(!openat2_missing);
#else
    Py_RETURN_FALSE;
#endif
}

/* set_death_signal(signum): this process gets `signum` when the thread that forked it ends
 * (Linux's PR_SET_PDEATHSIG); OSError when the kernel refuses it, or off Linux. Why here:
 * each forked worker of a scan sets it first thing (tidy/workspace/pool.py), and ctypes,
 * its Python twin's way (tidy.core.processes.set_death_signal), took ~2-6 ms to import in
 * each worker before its first job. */
static PyObject *set_death_signal(PyObject *Py_UNUSED(module), PyObject *arg) {
    long signum = PyLong_AsLong(arg);
    if (signum == -1 && PyErr_Occurred()) return NULL;
#ifdef __linux__
    if (prctl(PR_SET_PDEATHSIG, (unsigned long)signum, 0UL, 0UL, 0UL) != 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    Py_RETURN_NONE;
#else
    PyErr_SetString(PyExc_OSError, "set_death_signal: Linux only");
    return NULL;
#endif
}

/* keep_freed_memory(mmap_at_least, trim_above) -> bool: glibc's malloc gives blocks under
 * `mmap_at_least` bytes from its heap (not a fresh mapping each) and keeps up to `trim_above`
 * bytes freed at the heap's top instead of giving them back; False where malloc is not glibc's.
 * Why: a scan's big buffers (git's listings, pipe reads, the workers' pickled replies, the
 * content cache's file) each came from a fresh mmap, freed by munmap, so every page of each
 * was faulted in anew (250k bench tree, walk-only: ~2,000 of the scan's ~23,000 minor faults
 * in its Python processes); kept, a later buffer reuses pages touched already. The pool's
 * workers inherit the setting with the fork. Meant for a process that ends with its command
 * (`tidy scan`), not one that lives on (`tidy watch`): what it frees stays its own. */
static PyObject *keep_freed_memory(PyObject *Py_UNUSED(module), PyObject *args) {
    Py_ssize_t mmap_at_least, trim_above;
    if (!PyArg_ParseTuple(args, "nn", &mmap_at_least, &trim_above)) return NULL;
#ifdef __GLIBC__
    if (mmap_at_least < 0 || trim_above < 0 || mmap_at_least > INT_MAX || trim_above > INT_MAX) {
        PyErr_SetString(PyExc_ValueError, "keep_freed_memory: sizes from 0 to INT_MAX");
        return NULL;
    }
    /* The trim threshold first: mallopt of either ends glibc's sliding thresholds, and a
     * failed second call leaves the first harmless (memory kept, nothing wrong). */
    if (mallopt(M_TRIM_THRESHOLD, (int)trim_above) && mallopt(M_MMAP_THRESHOLD, (int)mmap_at_least))
        Py_RETURN_TRUE;
#endif
    Py_RETURN_FALSE;
}

/* list_names(dirfd) -> [name]: every name of the open folder `dirfd` but `.` and `..`, in the
 * kernel's order, as os.listdir(dirfd) answers (names decoded as os.fsdecode does). Why: the
 * explorer (tidy/workspace/walk.py) lists each folder relative to its parent's descriptor
 * and hands that descriptor on; its listing needs only the names, and os.scandir by path
 * built a DirEntry for each (250k bench tree, warm: ~47,000 entries explored) and made the
 * folder be opened twice. Reads from the descriptor's current offset (a folder just opened:
 * its start); the descriptor stays open. OSError on a read error. */
static PyObject *list_names(PyObject *Py_UNUSED(module), PyObject *arg) {
    long dfd_long = PyLong_AsLong(arg);
    if (dfd_long == -1 && PyErr_Occurred()) return NULL;
    int dfd = (int)dfd_long;
    PyObject *out = PyList_New(0);
    if (!out) return NULL;
    int err = 0;
#ifdef RAW_DENTS
    static char *buf = NULL; /* one buffer for every call: the GIL is held throughout */
    if (!buf && !(buf = PyMem_Malloc(DENTS_BYTES))) {
        Py_DECREF(out);
        return PyErr_NoMemory();
    }
    Lister l = {dfd, buf, 0, 0};
#else
    int dup_fd = dup(dfd);
    DIR *d = dup_fd < 0 ? NULL : fdopendir(dup_fd);
    if (!d) {
        err = errno;
        if (dup_fd >= 0) close(dup_fd);
        Py_DECREF(out);
        errno = err;
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    Lister l = {dup_fd, d};
#endif
    for (;;) {
        const char *name = next_name(&l, &err);
        if (!name) break;
        if (name[0] == '.' && (name[1] == 0 || (name[1] == '.' && name[2] == 0))) continue;
        if (append_new(out, PyUnicode_DecodeFSDefault(name)) < 0) {
            err = -1;
            break;
        }
    }
#ifndef RAW_DENTS
    closedir(d);
#endif
    if (err) {
        Py_DECREF(out);
        if (err > 0) {
            errno = err;
            PyErr_SetFromErrno(PyExc_OSError);
        }
        return NULL;
    }
    return out;
}

static PyMethodDef methods[] = {
    {"measure", measure, METH_VARARGS,
     "measure(roots, device, cross) -> (apparent, blocks, files, dirs, entries, newest, "
     "surface, skipped, links, gitignore_dirs, vcs_markers): everything below each root."},
    {"list_names", list_names, METH_O,
     "list_names(dirfd) -> [name]: the open folder's names but . and .., as os.listdir."},
    {"lstat_names", lstat_names, METH_VARARGS,
     "lstat_names(dirfd, names) -> [Stat or errno]: each name lstat'ed in the open folder."},
    {"lstat_sum", lstat_sum, METH_VARARGS,
     "lstat_sum(dirfd, names, hidden, big, exact, starts, ends, any_file, programs) -> (files, "
     "apparent, blocks, newest, visible, visible_bytes, special): a folder's plain files "
     "summed, every other entry as (index, Stat or errno)."},
    {"lstat_changed", lstat_changed, METH_VARARGS,
     "lstat_changed(dirfd, paths, keys, below) -> [None, Stat or errno]: None for a regular "
     "file under `below` bytes whose stat is its key."},
    {"packed_entries", packed_entries, METH_VARARGS,
     "packed_entries(paths, stats, table, cutoff, entry_type) -> {path: entry} or None: a "
     "content cache's packed entries checked and made."},
    {"folder_counts", folder_counts, METH_O,
     "folder_counts(paths) -> {folder: count}: the paths right in each folder ('' the root)."},
    {"lowered", lowered, METH_O,
     "lowered(data) -> bytes: bytes.lower()'s answer (ASCII A-Z lowered), 16 bytes at a time."},
    {"line_hits", line_hits, METH_VARARGS,
     "line_hits(hay, found, shown) -> [[pattern, line, text] | [pattern, line]]: the search's "
     "matches not inside a word, by start, with their lines (content._with_lines, compacted)."},
    {"expanded_hits", expanded_hits, METH_O,
     "expanded_hits(raw) -> [(pattern, line, text)]: line_hits' rows made whole (the cache's)."},
    {"index_blob_id", index_blob_id, METH_VARARGS,
     "index_blob_id(data, position, st) -> str | None: the index entry's blob id when the "
     "file's fstat `st` is the stat it holds (blobs.IndexStat.blob_id)."},
    {"paths_clean", paths_clean, METH_O,
     "paths_clean(fields) -> bool: no NUL-terminated field is a path git could not list."},
    {"keep_freed_memory", keep_freed_memory, METH_VARARGS,
     "keep_freed_memory(mmap_at_least, trim_above) -> bool: glibc malloc's big blocks from "
     "its heap, and freed memory kept (mallopt); False where malloc is not glibc's."},
    {"set_death_signal", set_death_signal, METH_O,
     "set_death_signal(signum): PR_SET_PDEATHSIG for this process; OSError when refused."},
    {"open_beneath", open_beneath, METH_VARARGS,
     "open_beneath(dirfd, path, flags) -> fd: `path` opened below `dirfd`, no link followed "
     "at any level; OSError otherwise."},
    {"open_beneath_by_parts", open_beneath_by_parts, METH_VARARGS,
     "open_beneath without openat2: each folder opened O_NOFOLLOW|O_DIRECTORY in turn."},
    {"openat2_used", openat2_used, METH_NOARGS,
     "Whether open_beneath asks the kernel's openat2 (else it walks the path's folders)."},
    {"markers", markers, METH_NOARGS, "The version-control marker names this module knows."},
    {"max_depth", max_depth, METH_NOARGS, "The level below which folders are not descended."},
    {"link_fields", link_fields, METH_NOARGS, "The number of fields of a link row."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_fastmeasure", "tidy's measuring loop in C.", -1, methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__fastmeasure(void) {
    PyObject *m = PyModule_Create(&module);
    if (!m) return NULL;
    if (!st_ino_name) {
        st_ino_name = PyUnicode_InternFromString("st_ino");
        st_dev_name = PyUnicode_InternFromString("st_dev");
        st_uid_name = PyUnicode_InternFromString("st_uid");
        st_gid_name = PyUnicode_InternFromString("st_gid");
        st_size_name = PyUnicode_InternFromString("st_size");
        st_mtime_ns_name = PyUnicode_InternFromString("st_mtime_ns");
        st_ctime_ns_name = PyUnicode_InternFromString("st_ctime_ns");
        if (!st_ino_name || !st_dev_name || !st_uid_name || !st_gid_name || !st_size_name ||
            !st_mtime_ns_name || !st_ctime_ns_name) {
            Py_DECREF(m);
            return NULL;
        }
    }
    if (!stat_type_ready) {
        if (PyStructSequence_InitType2(&StatType, &stat_desc) < 0) {
            Py_DECREF(m);
            return NULL;
        }
        stat_type_ready = 1;
    }
    if (PyModule_AddObjectRef(m, "Stat", (PyObject *)&StatType) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
