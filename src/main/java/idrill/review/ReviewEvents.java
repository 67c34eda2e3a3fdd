package idrill.review;

import java.time.Instant;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * Review-log events as columns (time, id, grade, ms; an undo's target) in file order: a million events are a few
 * arrays, not a million records and Instants, which the garbage collector would have to copy. Ids are numbered
 * 0..idCount-1 in order of first appearance. Events read from several files keep where each file's events start
 * (an undo without a target acts only within its own file). Filled once by the parser (or {@link #of}), then read
 * only.
 */
public final class ReviewEvents {
  /** target() of an event that names none: every grade, and undos written before targets existed. */
  public static final long NO_TARGET = Long.MIN_VALUE;
  private static final Grade[] GRADES = Grade.values();
  private static final byte UNDO = (byte) Grade.UNDO.ordinal();
  private static final byte WITHDRAWN = -1; // a grade an undo removed; dropped with the undos

  private long[] millis;
  private int[] idIndex;
  private byte[] grade;
  private long[] ms;
  private long[] target; // null until the first targeted undo: a log without undos pays nothing
  private int size;
  private String[] ids;
  private int idCount;
  private int[] fileStart = new int[4];
  private int files;
  // set-aside events (suspend, bury, flag...) in columns of their own: rare, so grades and replay never see them
  private long[] asideMillis = new long[0];
  private int[] asideId = new int[0];
  private byte[] asideKind = new byte[0];
  private int asides;

  ReviewEvents(int capacity) {
    int cap = Math.max(16, capacity);
    millis = new long[cap];
    idIndex = new int[cap];
    grade = new byte[cap];
    ms = new long[cap];
    ids = new String[64];
  }

  /** The columns of a list of records (tests, merges, callers that built reviews themselves), as one file. */
  public static ReviewEvents of(List<Review> reviews) {
    ReviewEvents e = new ReviewEvents(reviews.size());
    Map<String, Integer> index = new HashMap<>();
    for (Review r : reviews) {
      Integer i = index.get(r.id());
      if (i == null) index.put(r.id(), i = e.addId(r.id()));
      e.add(r.time().toEpochMilli(), i, r.grade(), r.ms());
      if (r.target() != null) e.target(r.target().toEpochMilli());
    }
    return e;
  }

  /** {@link #of(List)} with set-aside events too. */
  public static ReviewEvents of(List<Review> reviews, List<AsideEvent> asides) {
    ReviewEvents e = of(reviews);
    Map<String, Integer> index = new HashMap<>();
    for (int n = 0; n < e.idCount; n++) index.put(e.ids[n], n);
    for (AsideEvent a : asides) {
      Integer i = index.get(a.id());
      if (i == null) index.put(a.id(), i = e.addId(a.id()));
      e.addAside(a.time().toEpochMilli(), i, a.kind());
    }
    return e;
  }

  /** Events added from now on come from the next file. */
  void beginFile() {
    if (files == fileStart.length) fileStart = Arrays.copyOf(fileStart, files * 2);
    fileStart[files++] = size;
  }

  /** Numbers a new distinct id; the caller guarantees it is new. */
  int addId(String id) {
    if (idCount == ids.length) ids = Arrays.copyOf(ids, idCount * 2);
    ids[idCount] = id;
    return idCount++;
  }

  void add(long timeMillis, int id, Grade g, long thinkMs) {
    if (size == millis.length) reserve(size + (size >> 1));
    millis[size] = timeMillis;
    idIndex[size] = id;
    grade[size] = (byte) g.ordinal();
    ms[size] = thinkMs;
    size++;
  }

  void addAside(long timeMillis, int id, Aside kind) {
    if (asides == asideMillis.length) {
      int cap = Math.max(8, asides * 2);
      asideMillis = Arrays.copyOf(asideMillis, cap);
      asideId = Arrays.copyOf(asideId, cap);
      asideKind = Arrays.copyOf(asideKind, cap);
    }
    asideMillis[asides] = timeMillis;
    asideId[asides] = id;
    asideKind[asides] = (byte) kind.ordinal();
    asides++;
  }

  /** The number of set-aside events (after {@link #standing}: those no undo withdrew), in file order. */
  public int asideCount() {
    return asides;
  }

  public long asideMillis(int j) {
    return asideMillis[j];
  }

  /** The number of set-aside event j's id (see {@link #idName}). */
  public int asideIdIndex(int j) {
    return asideId[j];
  }

  public Aside aside(int j) {
    return Aside.of(asideKind[j]);
  }

  public AsideEvent asideEvent(int j) {
    return new AsideEvent(Instant.ofEpochMilli(asideMillis[j]), ids[asideId[j]], aside(j));
  }

  /**
   * Whether any event of id (a grade, an undo's target, a set-aside event, standing or not) is at {@code at}: a new
   * event there would share its time, which is what a targeted undo names.
   */
  public boolean taken(String id, long at) {
    for (int i = 0; i < size; i++) {
      if ((millis[i] == at || target(i) == at) && ids[idIndex[i]].equals(id)) return true;
    }
    for (int j = 0; j < asides; j++) if (asideMillis[j] == at && ids[asideId[j]].equals(id)) return true;
    return false;
  }

  /** Sets the target of the event just added (an undo). */
  void target(long targetMillis) {
    setTarget(size - 1, targetMillis);
  }

  private void setTarget(int i, long targetMillis) {
    if (target == null) {
      target = new long[millis.length];
      Arrays.fill(target, NO_TARGET);
    }
    target[i] = targetMillis;
  }

  /** Grows the columns to hold at least capacity events (an estimate from the file size saves repeated copies). */
  void reserve(int capacity) {
    if (capacity <= millis.length) return;
    int old = millis.length;
    millis = Arrays.copyOf(millis, capacity);
    idIndex = Arrays.copyOf(idIndex, capacity);
    grade = Arrays.copyOf(grade, capacity);
    ms = Arrays.copyOf(ms, capacity);
    if (target != null) {
      target = Arrays.copyOf(target, capacity);
      Arrays.fill(target, old, capacity, NO_TARGET);
    }
  }
  public int size() {
    return size;
  }

  /** Epoch milliseconds of event i. */
  public long millis(int i) {
    return millis[i];
  }

  public Instant time(int i) {
    return Instant.ofEpochMilli(millis[i]);
  }

  /** The number of event i's id, 0..idCount-1. */
  public int idIndex(int i) {
    return idIndex[i];
  }

  public String id(int i) {
    return ids[idIndex[i]];
  }

  /** The distinct ids seen. */
  public int idCount() {
    return idCount;
  }

  /** The id numbered n. */
  public String idName(int n) {
    return ids[n];
  }

  public Grade grade(int i) {
    return GRADES[grade[i]];
  }

  /** FSRS rating of event i, 1..4; 0 for an undo. */
  public int rating(int i) {
    return GRADES[grade[i]].rating;
  }

  public long ms(int i) {
    return ms[i];
  }

  /** Epoch milliseconds of the grade undo event i withdraws, or {@link #NO_TARGET}. */
  public long target(int i) {
    return target == null ? NO_TARGET : target[i];
  }

  public Review review(int i) {
    long t = target(i);
    return new Review(time(i), id(i), grade(i), ms[i], t == NO_TARGET ? null : Instant.ofEpochMilli(t));
  }

  /** A read-only list view; each get builds its record. */
  public List<Review> asList() {
    return new View();
  }

  /**
   * The events with undos applied, in file order, no undo left; ids keep their numbers. An undo with a target
   * withdraws every grade of its id at that time, wherever it stands (so the result does not depend on the order
   * files arrived in); an undo without one withdraws the latest (in file order) still-standing grade of its id
   * earlier in its own file, as before targets existed, and with it any copy of that grade in other files. An undo
   * with nothing to withdraw is ignored. Without undos
   * this is the same object; otherwise a copy, this one is left as it was.
   */
  public ReviewEvents standing() {
    return hasUndo() ? copy().applyUndos() : this;
  }

  private boolean hasUndo() {
    for (int i = 0; i < size; i++) if (grade[i] == UNDO) return true;
    return false;
  }

  /**
   * {@link #standing} in place, for events nobody else has seen yet (a fresh parse): a copy of a million events
   * would cost more than the rest of the work.
   */
  ReviewEvents applyUndos() {
    if (!hasUndo()) return this;
    if (target != null && asides > 0) withdrawAsides();
    if (target != null) withdrawMatching(true);
    // undos and grades pair up like closing and opening brackets; from the end of each file, a grade is undone
    // while untargeted undos of its id are pending, so one counter per id does instead of a stack per id
    int[] pending = new int[idCount];
    boolean untargeted = false;
    for (int f = Math.max(files, 1) - 1; f >= 0; f--) {
      int from = files == 0 ? 0 : fileStart[f];
      int to = f + 1 < files ? fileStart[f + 1] : size;
      boolean counted = false;
      for (int i = to - 1; i >= from; i--) {
        int id = idIndex[i];
        if (grade[i] == UNDO) {
          if (target(i) == NO_TARGET) {
            pending[id]++;
            counted = true;
          }
        } else if (grade[i] != WITHDRAWN && pending[id] > 0) {
          pending[id]--;
          grade[i] = WITHDRAWN;
          untargeted = true;
        }
      }
      if (counted) Arrays.fill(pending, 0);
    }
    // a grade an old undo withdrew in its file is withdrawn in every file holding a copy of it
    if (untargeted && files > 1) withdrawMatching(false);
    int k = 0;
    int f = 0;
    for (int i = 0; i < size; i++) {
      while (f < files && fileStart[f] == i) fileStart[f++] = k;
      if (grade[i] == UNDO || grade[i] == WITHDRAWN) continue;
      millis[k] = millis[i];
      idIndex[k] = idIndex[i];
      grade[k] = grade[i];
      ms[k] = ms[i];
      k++;
    }
    while (f < files) fileStart[f++] = k;
    size = k;
    target = null;
    return this;
  }

  /**
   * Withdraws every grade whose (time, id) is a key: the targets of targeted undos (fromUndos), else the grades
   * already withdrawn. A small open-addressing table, probed once per event.
   */
  private void withdrawMatching(boolean fromUndos) {
    int keys = 0;
    for (int i = 0; i < size; i++) if (isKey(i, fromUndos)) keys++;
    int cap = Integer.highestOneBit(Math.max(4, keys) * 4);
    int mask = cap - 1;
    long[] keyTime = new long[cap];
    int[] keyId = new int[cap];
    Arrays.fill(keyId, -1);
    for (int i = 0; i < size; i++) {
      if (!isKey(i, fromUndos)) continue;
      long t = fromUndos ? target[i] : millis[i];
      int h = slot(t) & mask;
      while (keyId[h] >= 0) h = (h + 1) & mask;
      keyTime[h] = t;
      keyId[h] = idIndex[i];
    }
    for (int i = 0; i < size; i++) {
      if (grade[i] == UNDO || grade[i] == WITHDRAWN) continue;
      long t = millis[i];
      for (int h = slot(t) & mask; keyId[h] >= 0; h = (h + 1) & mask) {
        if (keyTime[h] == t && keyId[h] == idIndex[i]) {
          grade[i] = WITHDRAWN;
          break;
        }
      }
    }
  }

  /** Drops the set-aside events a targeted undo of their id names by time (few: a plain set of keys does). */
  private void withdrawAsides() {
    java.util.Set<String> keys = new java.util.HashSet<>();
    for (int i = 0; i < size; i++) {
      if (grade[i] == UNDO && target[i] != NO_TARGET) keys.add(target[i] + ":" + idIndex[i]);
    }
    int k = 0;
    for (int j = 0; j < asides; j++) {
      if (keys.contains(asideMillis[j] + ":" + asideId[j])) continue;
      asideMillis[k] = asideMillis[j];
      asideId[k] = asideId[j];
      asideKind[k] = asideKind[j];
      k++;
    }
    asides = k;
  }

  private boolean isKey(int i, boolean fromUndos) {
    return fromUndos ? grade[i] == UNDO && target[i] != NO_TARGET : grade[i] == WITHDRAWN;
  }

  /**
   * Gives each undo without a target the time of the grade it withdraws within its file (the latest still standing
   * of its id before it), so the undo keeps its meaning once its lines are appended to another file.
   */
  void resolveTargets() {
    Map<Integer, java.util.ArrayDeque<Integer>> standing = new HashMap<>();
    for (int f = 0; f < Math.max(files, 1); f++) {
      standing.clear();
      int from = files == 0 ? 0 : fileStart[f];
      int to = f + 1 < files ? fileStart[f + 1] : size;
      for (int i = from; i < to; i++) {
        java.util.ArrayDeque<Integer> grades = standing.computeIfAbsent(idIndex[i], k -> new java.util.ArrayDeque<>());
        if (grade[i] != UNDO) {
          grades.push(i);
        } else if (target(i) != NO_TARGET) {
          long t = target(i);
          grades.removeIf(g -> millis[g] == t);
        } else if (!grades.isEmpty()) {
          setTarget(i, millis[grades.pop()]);
        }
      }
    }
  }

  private static int slot(long t) {
    long x = t * 0x9E3779B97F4A7C15L;
    return (int) (x >>> 40);
  }

  /**
   * Standing events grouped by id for replay: {@code order[start[k]..start[k+1])} are id k's events in time order
   * (stable: equal times keep file order), each event kept once when several files hold it (same time, id and
   * grade: a copy, a conflict file of a sync engine, a log merged twice).
   */
  Groups groupById() {
    int n = size;
    int[] start = new int[idCount + 1];
    for (int i = 0; i < n; i++) start[idIndex[i] + 1]++;
    for (int k = 0; k < idCount; k++) start[k + 1] += start[k];
    int[] order = new int[n];
    int[] next = Arrays.copyOf(start, idCount);
    for (int i = 0; i < n; i++) order[next[idIndex[i]]++] = i;
    int[] buf = null;
    int w = 0;
    for (int k = 0; k < idCount; k++) {
      int from = start[k], to = start[k + 1];
      if (!sorted(order, from, to)) {
        if (buf == null) buf = new int[n];
        mergeSort(order, from, to, buf);
      }
      start[k] = w;
      for (int p = from; p < to; p++) {
        int i = order[p];
        if (!repeats(order, start[k], w, i)) order[w++] = i;
      }
    }
    start[idCount] = w;
    return new Groups(order, start, w);
  }

  /** Event numbers by id (see {@link #groupById}); count events in all. */
  record Groups(int[] order, int[] start, int count) {}

  /** Whether event i repeats one already kept in order[lo..w), which are sorted by time: only equal times can. */
  private boolean repeats(int[] order, int lo, int w, int i) {
    for (int q = w - 1; q >= lo && millis[order[q]] == millis[i]; q--) {
      if (grade[order[q]] == grade[i]) return true;
    }
    return false;
  }

  private boolean sorted(int[] a, int from, int to) {
    for (int p = from + 1; p < to; p++) if (millis[a[p]] < millis[a[p - 1]]) return false;
    return true;
  }

  /** Stable natural merge sort of a[from..to) by time: k files give k runs per id, merged in log2(k) passes. */
  private void mergeSort(int[] a, int from, int to, int[] buf) {
    while (true) {
      int runs = 0;
      for (int p = from; p < to; ) {
        int m = runEnd(a, p, to);
        int e = m == to ? to : runEnd(a, m, to);
        int x = p, y = m, o = p;
        while (x < m && y < e) buf[o++] = millis[a[y]] < millis[a[x]] ? a[y++] : a[x++];
        while (x < m) buf[o++] = a[x++];
        while (y < e) buf[o++] = a[y++];
        runs++;
        p = e;
      }
      System.arraycopy(buf, from, a, from, to - from);
      if (runs <= 1) return;
    }
  }

  private int runEnd(int[] a, int p, int to) {
    int q = p + 1;
    while (q < to && millis[a[q]] >= millis[a[q - 1]]) q++;
    return q;
  }

  private ReviewEvents copy() {
    ReviewEvents c = new ReviewEvents(size);
    System.arraycopy(millis, 0, c.millis, 0, size);
    System.arraycopy(idIndex, 0, c.idIndex, 0, size);
    System.arraycopy(grade, 0, c.grade, 0, size);
    System.arraycopy(ms, 0, c.ms, 0, size);
    if (target != null) c.target = Arrays.copyOf(target, size);
    c.size = size;
    c.ids = ids;
    c.idCount = idCount;
    c.fileStart = Arrays.copyOf(fileStart, Math.max(1, files));
    c.files = files;
    c.asideMillis = Arrays.copyOf(asideMillis, asides);
    c.asideId = Arrays.copyOf(asideId, asides);
    c.asideKind = Arrays.copyOf(asideKind, asides);
    c.asides = asides;
    return c;
  }

  private final class View extends AbstractList<Review> implements RandomAccess {
    @Override
    public Review get(int i) {
      if (i < 0 || i >= size) throw new IndexOutOfBoundsException(i);
      return review(i);
    }

    @Override
    public int size() {
      return size;
    }
  }
}
