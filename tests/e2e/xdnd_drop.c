/* A drag-and-drop source for the end-to-end tests: drops files on an X11 window the
 * way a file manager would, by the XDND protocol (version 5), because xdotool can
 * move the pointer but cannot drag a file. Used by tests/e2e/classroom.sh:
 *     xdnd_drop (--name NAME | --window ID) [--timeout SECONDS] FILE...
 * Exit status 0 when the target accepted and finished the drop, 1 with one line
 * naming the reason otherwise, 2 for a bad command line. */
#define _XOPEN_SOURCE 700 /* realpath */
#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <time.h>

#define XDND_VERSION 5 /* the protocol version this source speaks */

/* The atoms of the protocol, interned once. */
typedef struct {
    Atom aware, enter, position, status, leave, drop, finished; /* Xdnd* */
    Atom selection, action_copy; /* XdndSelection, XdndActionCopy */
    Atom uri_list, targets;      /* text/uri-list, TARGETS */
    Atom net_wm_name;            /* _NET_WM_NAME */
} Atoms;

/* One drop in progress. */
typedef struct {
    Display *dpy;
    Atoms a;
    Window source;    /* our own unmapped window: owns XdndSelection */
    Window target;    /* the window dropped on */
    Time time;        /* a server timestamp for the selection and the messages */
    const char *uris; /* the text/uri-list we hand out, "\r\n" after each URI */
    double deadline;  /* CLOCK_MONOTONIC seconds at which waiting gives up */
} Drop;

/* Prints "xdnd_drop: REASON" on one line and exits with status 1. */
static void fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "xdnd_drop: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n");
    va_end(ap);
    exit(1);
}

/* Xlib's default handler prints several lines; a vanished window is one reason. */
static int on_x_error(Display *dpy, XErrorEvent *e)
{
    char what[128];
    XGetErrorText(dpy, e->error_code, what, sizeof what);
    fail("X error on resource 0x%lx: %s", (unsigned long)e->resourceid, what);
    return 0;
}

/* Seconds on the monotonic clock. */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* Interns every atom the protocol needs into *a. */
static void atoms_intern(Display *dpy, Atoms *a)
{
    a->aware = XInternAtom(dpy, "XdndAware", False);
    a->enter = XInternAtom(dpy, "XdndEnter", False);
    a->position = XInternAtom(dpy, "XdndPosition", False);
    a->status = XInternAtom(dpy, "XdndStatus", False);
    a->leave = XInternAtom(dpy, "XdndLeave", False);
    a->drop = XInternAtom(dpy, "XdndDrop", False);
    a->finished = XInternAtom(dpy, "XdndFinished", False);
    a->selection = XInternAtom(dpy, "XdndSelection", False);
    a->action_copy = XInternAtom(dpy, "XdndActionCopy", False);
    a->uri_list = XInternAtom(dpy, "text/uri-list", False);
    a->targets = XInternAtom(dpy, "TARGETS", False);
    a->net_wm_name = XInternAtom(dpy, "_NET_WM_NAME", False);
}

/* The XDND version a window advertises in XdndAware, or 0 when it is no target. */
static long aware_version(Display *dpy, const Atoms *a, Window w)
{
    Atom type;
    int format;
    unsigned long n, after;
    unsigned char *data = NULL;
    long v = 0;
    if (XGetWindowProperty(dpy, w, a->aware, 0, 1, False, XA_ATOM, &type, &format, &n,
                           &after, &data) == Success &&
        type == XA_ATOM && format == 32 && n == 1)
        v = (long)*(unsigned long *)data; /* format 32 comes as longs */
    if (data) XFree(data);
    return v;
}

/* 1 when the 8-bit text property PROP of window W contains NAME, else 0. */
static int name_has(Display *dpy, Window w, Atom prop, const char *name)
{
    Atom type;
    int format;
    unsigned long n, after;
    unsigned char *data = NULL;
    int found = 0;
    if (XGetWindowProperty(dpy, w, prop, 0, 1024, False, AnyPropertyType, &type, &format,
                           &n, &after, &data) == Success &&
        format == 8 && data)
        found = strstr((const char *)data, name) != NULL; /* Xlib adds a NUL */
    if (data) XFree(data);
    return found;
}

/* The first window under W, W included and depth first, whose WM_NAME or
 * _NET_WM_NAME contains NAME and which is XdndAware; None when there is none. */
static Window find_named(Display *dpy, const Atoms *a, Window w, const char *name)
{
    if ((name_has(dpy, w, XA_WM_NAME, name) || name_has(dpy, w, a->net_wm_name, name)) &&
        aware_version(dpy, a, w) > 0)
        return w;
    Window root, parent, *kids = NULL, hit = None;
    unsigned int n = 0;
    if (!XQueryTree(dpy, w, &root, &parent, &kids, &n)) return None;
    for (unsigned int i = 0; i < n && hit == None; i++)
        hit = find_named(dpy, a, kids[i], name);
    if (kids) XFree(kids);
    return hit;
}

/* The text/uri-list of FILES: "file://" and each absolute path, bytes outside the
 * unreserved set and '/' as %XX, "\r\n" after each. Caller frees; fails on a file
 * that does not exist. */
static char *uri_list(char **files, int n)
{
    size_t cap = 1, len = 0;
    char **full = calloc((size_t)n, sizeof *full);
    if (!full) fail("out of memory");
    for (int i = 0; i < n; i++) {
        if (!(full[i] = realpath(files[i], NULL)))
            fail("%s: %s", files[i], strerror(errno));
        cap += 9 + 3 * strlen(full[i]);
    }
    char *s = malloc(cap);
    if (!s) fail("out of memory");
    for (int i = 0; i < n; i++) {
        len += (size_t)sprintf(s + len, "file://");
        for (const unsigned char *p = (const unsigned char *)full[i]; *p; p++)
            if (isalnum(*p) || strchr("-._~/", *p))
                s[len++] = (char)*p;
            else
                len += (size_t)sprintf(s + len, "%%%02X", *p);
        len += (size_t)sprintf(s + len, "\r\n");
        free(full[i]);
    }
    free(full);
    return s;
}

/* A server timestamp: the time of a PropertyNotify caused on our own window (the
 * selection owner should not claim with CurrentTime). */
static Time server_time(Drop *d)
{
    XEvent ev;
    Atom stamp = XInternAtom(d->dpy, "XDND_DROP_TIMESTAMP", False);
    XChangeProperty(d->dpy, d->source, stamp, XA_STRING, 8, PropModeAppend, NULL, 0);
    do
        XWindowEvent(d->dpy, d->source, PropertyChangeMask, &ev);
    while (ev.type != PropertyNotify);
    return ev.xproperty.time;
}

/* Sends the XDND message TYPE to the target; data.l[0] is always the source. */
static void send_message(Drop *d, Atom type, long l1, long l2, long l3, long l4)
{
    XEvent ev;
    memset(&ev, 0, sizeof ev);
    ev.xclient.type = ClientMessage;
    ev.xclient.display = d->dpy;
    ev.xclient.window = d->target;
    ev.xclient.message_type = type;
    ev.xclient.format = 32;
    ev.xclient.data.l[0] = (long)d->source;
    ev.xclient.data.l[1] = l1;
    ev.xclient.data.l[2] = l2;
    ev.xclient.data.l[3] = l3;
    ev.xclient.data.l[4] = l4;
    XSendEvent(d->dpy, d->target, False, NoEventMask, &ev);
    XFlush(d->dpy);
}

/* Answers a SelectionRequest for XdndSelection: the URI list for text/uri-list,
 * the list of targets for TARGETS, a refusal (property None) for anything else. */
static void answer_request(Drop *d, const XSelectionRequestEvent *r)
{
    XEvent reply;
    Atom prop = r->property != None ? r->property : r->target; /* obsolete clients */
    Atom offered[2] = {d->a.targets, d->a.uri_list};
    memset(&reply, 0, sizeof reply);
    if (r->selection != d->a.selection)
        prop = None;
    else if (r->target == d->a.uri_list)
        XChangeProperty(d->dpy, r->requestor, prop, d->a.uri_list, 8, PropModeReplace,
                        (const unsigned char *)d->uris, (int)strlen(d->uris));
    else if (r->target == d->a.targets)
        XChangeProperty(d->dpy, r->requestor, prop, XA_ATOM, 32, PropModeReplace,
                        (const unsigned char *)offered, 2);
    else
        prop = None;
    reply.xselection.type = SelectionNotify;
    reply.xselection.display = d->dpy;
    reply.xselection.requestor = r->requestor;
    reply.xselection.selection = r->selection;
    reply.xselection.target = r->target;
    reply.xselection.property = prop;
    reply.xselection.time = r->time;
    XSendEvent(d->dpy, r->requestor, False, NoEventMask, &reply);
    XFlush(d->dpy);
}

/* Waits for the target's ClientMessage TYPE, answering selection requests meanwhile.
 * Returns 1 with the message in *out, or 0 when the deadline passed first. */
static int wait_message(Drop *d, Atom type, XClientMessageEvent *out)
{
    XEvent ev;
    int fd = ConnectionNumber(d->dpy);
    for (;;) {
        while (!XPending(d->dpy)) {
            double left = d->deadline - now();
            if (left <= 0) return 0;
            fd_set fds;
            FD_ZERO(&fds);
            FD_SET(fd, &fds);
            struct timeval tv = {(time_t)left, (suseconds_t)((left - (long)left) * 1e6)};
            select(fd + 1, &fds, NULL, NULL, &tv);
        }
        XNextEvent(d->dpy, &ev);
        if (ev.type == SelectionRequest) answer_request(d, &ev.xselectionrequest);
        if (ev.type == ClientMessage && ev.xclient.message_type == type &&
            (Window)ev.xclient.data.l[0] == d->target) {
            *out = ev.xclient;
            return 1;
        }
    }
}

/* The root coordinates of the target's centre, packed as XdndPosition wants them. */
static long centre(Drop *d)
{
    XWindowAttributes wa;
    Window child;
    int x, y;
    if (!XGetWindowAttributes(d->dpy, d->target, &wa)) fail("cannot read the target");
    XTranslateCoordinates(d->dpy, d->target, wa.root, wa.width / 2, wa.height / 2, &x, &y,
                          &child);
    return ((long)x << 16) | (y & 0xffff);
}

/* The whole drop: enter, one position, the status, drop, the data, finished. Returns
 * only on success; every failure exits through fail(). */
static void drop_run(Drop *d, long version)
{
    XClientMessageEvent m;
    Atom action = d->a.action_copy;
    send_message(d, d->a.enter, version << 24, (long)d->a.uri_list, None, None);
    send_message(d, d->a.position, 0, centre(d), (long)d->time, (long)action);
    if (!wait_message(d, d->a.status, &m)) {
        send_message(d, d->a.leave, 0, 0, 0, 0);
        fail("no XdndStatus from window 0x%lx in time", (unsigned long)d->target);
    }
    if (!(m.data.l[1] & 1)) {
        send_message(d, d->a.leave, 0, 0, 0, 0);
        fail("window 0x%lx does not accept text/uri-list", (unsigned long)d->target);
    }
    send_message(d, d->a.drop, 0, (long)d->time, 0, 0);
    if (!wait_message(d, d->a.finished, &m))
        fail("no XdndFinished from window 0x%lx in time", (unsigned long)d->target);
    if (version >= 5 && !(m.data.l[1] & 1))
        fail("window 0x%lx refused the drop", (unsigned long)d->target);
}

/* Prints the usage line and exits with status 2. */
static void usage(void)
{
    fprintf(stderr, "usage: xdnd_drop (--name NAME | --window ID) [--timeout SECONDS] "
                    "FILE...\n");
    exit(2);
}

/* Drops the files named on the command line; see the comment at the top. */
int main(int argc, char **argv)
{
    const char *name = NULL;
    unsigned long id = 0;
    double timeout = 5;
    int i = 1;
    for (; i + 1 < argc && strncmp(argv[i], "--", 2) == 0; i += 2)
        if (strcmp(argv[i], "--name") == 0)
            name = argv[i + 1];
        else if (strcmp(argv[i], "--window") == 0)
            id = strtoul(argv[i + 1], NULL, 0);
        else if (strcmp(argv[i], "--timeout") == 0)
            timeout = strtod(argv[i + 1], NULL);
        else
            usage();
    if (i >= argc || (!name && !id) || !(timeout > 0)) usage();

    Drop d = {.uris = uri_list(argv + i, argc - i), .deadline = now() + timeout};
    if (!(d.dpy = XOpenDisplay(NULL)))
        fail("cannot open display '%s'", XDisplayName(NULL));
    XSetErrorHandler(on_x_error);
    atoms_intern(d.dpy, &d.a);
    Window root = DefaultRootWindow(d.dpy);
    d.target = name ? find_named(d.dpy, &d.a, root, name) : (Window)id;
    if (d.target == None) fail("no XdndAware window named '%s'", name);
    long version = aware_version(d.dpy, &d.a, d.target);
    if (version < 3)
        fail("window 0x%lx is not an XDND target (XdndAware %ld)",
             (unsigned long)d.target, version);
    d.source = XCreateSimpleWindow(d.dpy, root, 0, 0, 1, 1, 0, 0, 0);
    XSelectInput(d.dpy, d.source, PropertyChangeMask);
    d.time = server_time(&d);
    XSetSelectionOwner(d.dpy, d.a.selection, d.source, d.time);
    if (XGetSelectionOwner(d.dpy, d.a.selection) != d.source)
        fail("cannot own XdndSelection");
    drop_run(&d, version < XDND_VERSION ? version : XDND_VERSION);
    XDestroyWindow(d.dpy, d.source);
    XCloseDisplay(d.dpy);
    free((char *)d.uris);
    return 0;
}
