package idrill.drill;

import idrill.review.Answer;
import java.io.IOException;

/** Where a typed answer goes before its reveal is shown; the CLI appends it to answers.tsv and fsyncs. */
@FunctionalInterface
public interface AnswerSink {
  void save(Answer a) throws IOException;
}
