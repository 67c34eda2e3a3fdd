package idrill.cli;

import idrill.bank.Filter;
import java.util.ArrayList;
import java.util.List;

/** The question filters shared by every command that selects questions. */
public final class FilterOptions {
  List<String> tags = new ArrayList<>();
  List<String> excludeTags = new ArrayList<>();
  String grep;
  String grepAnswer;

  Model model() {
    return Model.options()
        .option("-t", "--tag").label("TAG").help("Only questions with this tag (repeatable: any of them matches).")
            .list().to(new Model.To<List<String>>() { void set(List<String> v) { tags = v; } })
        .option("-x", "--exclude-tag").label("TAG").help("Leave out questions with this tag (repeatable).")
            .list().to(new Model.To<List<String>>() { void set(List<String> v) { excludeTags = v; } })
        .option("-g", "--grep").label("REGEX").help("Only questions whose question text matches REGEX (case-insensitive).")
            .to(new Model.To<String>() { void set(String v) { grep = v; } })
        .option("-G", "--grep-answer").label("REGEX")
            .help("Only questions whose answer matches REGEX (case-insensitive; with -g, both must match).")
            .to(new Model.To<String>() { void set(String v) { grepAnswer = v; } });
  }

  public Filter filter() {
    return new Filter(List.copyOf(tags), List.copyOf(excludeTags), grep, grepAnswer);
  }
}
