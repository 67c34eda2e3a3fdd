package idrill.review;

import java.time.Instant;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * Review-log events as columns (time, id, grade, ms) in file order: a million events are a few arrays, not a
 * million records and Instants, which the garbage collector would have to copy. Ids are numbered 0..idCount-1
 * in order of first appearance. Filled once by the parser (or {@link #of}), then read only.
 */
public final class ReviewEvents {
  private static final Grade[] GRADES = Grade.values();

  private long[] millis;
  private int[] idIndex;
  private byte[] grade;
  private long[] ms;
  private int size;
  private String[] ids;
  private int idCount;

  ReviewEvents(int capacity) {
    int cap = Math.max(16, capacity);
    millis = new long[cap];
    idIndex = new int[cap];
    grade = new byte[cap];
    ms = new long[cap];
    ids = new String[64];
  }

  /** The columns of a list of records (tests, merges, callers that built reviews themselves). */
  public static ReviewEvents of(List<Review> reviews) {
    ReviewEvents e = new ReviewEvents(reviews.size());
    Map<String, Integer> index = new HashMap<>();
    for (Review r : reviews) {
      Integer i = index.get(r.id());
      if (i == null) index.put(r.id(), i = e.addId(r.id()));
      e.add(r.time().toEpochMilli(), i, r.grade(), r.ms());
    }
    return e;
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

  /** Grows the columns to hold at least capacity events (an estimate from the file size saves repeated copies). */
  void reserve(int capacity) {
    if (capacity <= millis.length) return;
    millis = Arrays.copyOf(millis, capacity);
    idIndex = Arrays.copyOf(idIndex, capacity);
    grade = Arrays.copyOf(grade, capacity);
    ms = Arrays.copyOf(ms, capacity);
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

  public Review review(int i) {
    return new Review(time(i), id(i), grade(i), ms[i]);
  }

  /** A read-only list view; each get builds its record. */
  public List<Review> asList() {
    return new View();
  }

  /**
   * The events with undos applied, in file order: each undo removes the latest (in file order) still-standing grade
   * of its id, an undo with nothing to undo is ignored, and no undo remains. Ids keep their numbers. Without undos
   * this is the same object; otherwise a copy, this one is left as it was.
   */
  public ReviewEvents standing() {
    return hasUndo() ? copy().applyUndos() : this;
  }

  private boolean hasUndo() {
    byte undo = (byte) Grade.UNDO.ordinal();
    for (int i = 0; i < size; i++) if (grade[i] == undo) return true;
    return false;
  }

  /**
   * {@link #standing} in place, for events nobody else has seen yet (a fresh parse): a copy of a million events
   * would cost more than the rest of the work.
   */
  ReviewEvents applyUndos() {
    byte undo = (byte) Grade.UNDO.ordinal();
    // undos and grades pair up like closing and opening brackets; from the end, a grade is undone while
    // undos of its id are pending, so one counter per id does instead of a stack per id
    int[] pending = new int[idCount];
    boolean any = false;
    for (int i = size - 1; i >= 0; i--) {
      int id = idIndex[i];
      if (grade[i] == undo) {
        pending[id]++;
        any = true;
      } else if (pending[id] > 0) {
        pending[id]--;
        grade[i] = undo; // undone: dropped below with the undos
      }
    }
    if (!any) return this;
    int k = 0;
    for (int i = 0; i < size; i++) {
      if (grade[i] == undo) continue;
      millis[k] = millis[i];
      idIndex[k] = idIndex[i];
      grade[k] = grade[i];
      ms[k] = ms[i];
      k++;
    }
    size = k;
    return this;
  }

  private ReviewEvents copy() {
    ReviewEvents c = new ReviewEvents(size);
    System.arraycopy(millis, 0, c.millis, 0, size);
    System.arraycopy(idIndex, 0, c.idIndex, 0, size);
    System.arraycopy(grade, 0, c.grade, 0, size);
    System.arraycopy(ms, 0, c.ms, 0, size);
    c.size = size;
    c.ids = ids;
    c.idCount = idCount;
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
