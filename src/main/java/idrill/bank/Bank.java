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
  private final Map<String, Question> byId = new HashMap<>();

  public Bank(List<Question> questions) {
    this.questions = List.copyOf(questions);
    for (Question q : this.questions) byId.putIfAbsent(q.id(), q);
  }

  public List<Question> questions() {
    return questions;
  }

  public Optional<Question> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public List<String> ids() {
    return questions.stream().map(Question::id).toList();
  }

  /** Tag → number of questions, most used first, ties alphabetical. */
  public Map<String, Integer> tagCounts() {
    Map<String, Integer> counts = new HashMap<>();
    for (Question q : questions) for (String t : q.tags()) counts.merge(t, 1, Integer::sum);
    List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
    entries.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
        .thenComparing(Map.Entry.comparingByKey()));
    Map<String, Integer> sorted = new LinkedHashMap<>();
    for (Map.Entry<String, Integer> e : entries) sorted.put(e.getKey(), e.getValue());
    return sorted;
  }
}
