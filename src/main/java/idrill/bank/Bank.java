package idrill.bank;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The loaded questions of every bank of a run, in file order. Ids are unique (the loader guarantees it). */
public final class Bank {
  private final List<Question> questions;
  private volatile Map<String, Question> byId; // built on first use: random and due never look a question up by id

  public Bank(List<Question> questions) {
    this.questions = List.copyOf(questions);
  }

  public List<Question> questions() {
    return questions;
  }

  public Optional<Question> byId(String id) {
    if (byId == null) {
      Map<String, Question> m = new HashMap<>();
      for (Question q : questions) m.putIfAbsent(q.id(), q);
      byId = m;
    }
    return Optional.ofNullable(byId.get(id));
  }

  public List<String> ids() {
    return questions.stream().map(Question::id).toList();
  }

  /** Whether some question carries tag. */
  public boolean hasTag(String tag) {
    for (Question q : questions) if (q.tags().contains(tag)) return true;
    return false;
  }

  /** Tag → number of questions, most used first, ties alphabetical. */
  public Map<String, Integer> tagCounts() {
    Map<String, Integer> counts = new HashMap<>();
    for (Question q : questions) {
      for (String t : q.tags()) {
        Integer n = counts.get(t);
        counts.put(t, n == null ? 1 : n + 1);
      }
    }
    List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
    entries.sort(MOST_USED_FIRST);
    Map<String, Integer> sorted = new LinkedHashMap<>();
    for (Map.Entry<String, Integer> e : entries) sorted.put(e.getKey(), e.getValue());
    return sorted;
  }
  // a class, not comparingByValue().thenComparing(...): `tags` runs in a cold JVM, where those bootstraps cost ~4 ms
  private static final Comparator<Map.Entry<String, Integer>> MOST_USED_FIRST = new Comparator<>() {
    @Override
    public int compare(Map.Entry<String, Integer> a, Map.Entry<String, Integer> b) {
      int byCount = Integer.compare(b.getValue(), a.getValue());
      return byCount != 0 ? byCount : a.getKey().compareTo(b.getKey());
    }
  };

}
