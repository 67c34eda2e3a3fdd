package idrill.review;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewEventsTest {
  @TempDir Path tmp;

  private static Review at(int minute, String id, Grade grade) {
    return new Review(Instant.parse("2026-11-25T17:00:00Z").plusSeconds(60L * minute), id, grade, minute);
  }

  /** Random grades and undos on 20 ids; undos are a fifth of them. */
  private static List<Review> randomLog(long seed) {
    Random random = new Random(seed);
    List<Review> events = new ArrayList<>();
    for (int i = 0; i < 5000; i++) events.add(at(i, "q" + random.nextInt(20), Grade.values()[random.nextInt(5)]));
    return events;
  }

  /** The obvious quadratic model: an undo removes the last surviving grade of its id, in file order. */
  static List<Review> model(List<Review> events) {
    List<Review> model = new ArrayList<>();
    for (Review r : events) {
      if (r.grade() != Grade.UNDO) {
        model.add(r);
        continue;
      }
      for (int j = model.size() - 1; j >= 0; j--) {
        if (model.get(j).id().equals(r.id())) {
          model.remove(j);
          break;
        }
      }
    }
    return model;
  }

  @Test
  void undosOnTheColumnsMatchAStackModelAndLeaveTheEventsAsTheyWere() {
    for (long seed = 1; seed <= 5; seed++) {
      List<Review> events = randomLog(seed);
      ReviewEvents columns = ReviewEvents.of(events);
      assertEquals(model(events), columns.standing().asList());
      assertEquals(events, columns.asList());
      assertEquals(model(events), ReviewEvents.of(events).applyUndos().asList());
    }
  }

  @Test
  void withoutUndosStandingIsTheSameEvents() {
    ReviewEvents columns = ReviewEvents.of(List.of(at(1, "a", Grade.GOOD), at(2, "b", Grade.AGAIN)));
    assertSame(columns, columns.standing());
  }

  @Test
  void idsAreNumberedInOrderOfFirstAppearanceAndKeepTheirNumbersWhenUndone() {
    ReviewEvents columns = ReviewEvents.of(List.of(at(1, "b", Grade.GOOD), at(2, "a", Grade.HARD),
        at(3, "b", Grade.UNDO), at(4, "a", Grade.EASY)));
    assertEquals(2, columns.idCount());
    assertEquals("b", columns.idName(0));
    ReviewEvents standing = columns.standing();
    assertEquals(List.of(at(2, "a", Grade.HARD), at(4, "a", Grade.EASY)), standing.asList());
    assertEquals(1, standing.idIndex(0));
    assertEquals(2, standing.idCount());
  }

  @Test
  void readStandingAppliesTheUndosOfTheFileInFileOrder() throws IOException {
    List<Review> events = randomLog(11);
    StringBuilder text = new StringBuilder(ReviewLog.HEADER + "\n");
    for (Review r : events) text.append(ReviewLog.format(r)).append('\n');
    Files.write(tmp.resolve(ReviewLog.FILE_NAME), text.toString().getBytes(UTF_8));
    List<String> warnings = new ArrayList<>();
    assertEquals(model(events), new ReviewLog(tmp).readStanding(warnings::add).asList());
    assertEquals(events, new ReviewLog(tmp).readEvents(warnings::add));
    assertEquals(List.of(), warnings);
  }
}
