package idrill.cli;

import idrill.bank.Filter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The question filters shared by every command that selects questions. */
public final class FilterOptions {
  @Option(names = {"-t", "--tag"}, paramLabel = "TAG",
      description = "Only questions with this tag (repeatable: any of them matches).")
  List<String> tags = new ArrayList<>();

  @Option(names = {"-x", "--exclude-tag"}, paramLabel = "TAG",
      description = "Leave out questions with this tag (repeatable).")
  List<String> excludeTags = new ArrayList<>();

  @Option(names = {"-g", "--grep"}, paramLabel = "REGEX",
      description = "Only questions whose question text matches REGEX (case-insensitive).")
  String grep;

  @Option(names = {"-G", "--grep-answer"}, paramLabel = "REGEX",
      description = "Only questions whose answer matches REGEX (case-insensitive; with -g, both must match).")
  String grepAnswer;

  public Filter filter() {
    return new Filter(List.copyOf(tags), List.copyOf(excludeTags), grep, grepAnswer);
  }
}
