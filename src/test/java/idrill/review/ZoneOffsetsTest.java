package idrill.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/**
 * A zone made from the system's java.util.TimeZone (how prompt commands avoid loading java.time's rules) gives the
 * offsets and local-time resolutions java.time gives, in every zone the JDK knows.
 */
class ZoneOffsetsTest {
  private static final long Y1900 = -2_208_988_800L;
  private static final long Y2100 = 4_102_444_800L;

  @Test
  void offsetsFromATimeZoneEqualTheZoneRulesInEveryZone() {
    SplittableRandom random = new SplittableRandom(7);
    int zones = 0;
    for (String id : ZoneId.getAvailableZoneIds()) {
      ZoneRules rules = ZoneId.of(id).getRules();
      ZoneOffsets offsets = ZoneOffsets.of(Zone.of(TimeZone.getTimeZone(id)), 0, -1);
      for (long t : instants(rules, random)) {
        assertEquals(rules.getOffset(Instant.ofEpochSecond(t)).getTotalSeconds(), offsets.seconds(t),
            id + " at " + Instant.ofEpochSecond(t));
      }
      zones++;
    }
    assertTrue(zones > 400, "zones checked: " + zones);
  }

  @Test
  void localTimesResolveAsAtZoneDoesThroughGapsAndOverlaps() {
    SplittableRandom random = new SplittableRandom(8);
    int gapsAndOverlaps = 0;
    for (String id : ZoneId.getAvailableZoneIds()) {
      ZoneId zone = ZoneId.of(id);
      ZoneRules rules = zone.getRules();
      ZoneOffsets fromTimeZone = ZoneOffsets.of(Zone.of(TimeZone.getTimeZone(id)), 0, -1);
      ZoneOffsets fromRules = ZoneOffsets.of(Zone.of(zone), Y1900, Y2100);
      List<LocalDateTime> locals = new ArrayList<>();
      for (long t : instants(rules, random)) locals.add(LocalDateTime.ofEpochSecond(t, 0, ZoneOffset.UTC));
      ZoneOffsetTransition tr = rules.nextTransition(Instant.ofEpochSecond(Y1900));
      for (; tr != null && tr.toEpochSecond() < Y2100; tr = rules.nextTransition(tr.getInstant())) {
        long gap = tr.getDuration().getSeconds();
        for (long d : new long[] {-1, 0, 1, Math.abs(gap) / 2, Math.abs(gap) - 1, Math.abs(gap), 3600}) {
          locals.add(tr.getDateTimeBefore().plusSeconds(d));
          locals.add(tr.getDateTimeAfter().plusSeconds(d));
        }
        gapsAndOverlaps++;
      }
      for (LocalDateTime local : locals) {
        long expected = local.atZone(zone).toEpochSecond();
        long asLocal = local.toEpochSecond(ZoneOffset.UTC);
        assertEquals(expected, fromTimeZone.epochSecondOf(asLocal), id + " " + local + " (from TimeZone)");
        assertEquals(expected, fromRules.epochSecondOf(asLocal), id + " " + local + " (from rules)");
      }
    }
    assertTrue(gapsAndOverlaps > 10_000, "transitions checked: " + gapsAndOverlaps);
  }

  @Test
  void aScheduleInTheSystemsTimeZoneEqualsOneInItsZoneId() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    List<Review> reviews = new ArrayList<>();
    Instant t = Instant.parse("2026-03-20T21:30:00Z");
    Grade[] grades = {Grade.GOOD, Grade.AGAIN, Grade.GOOD, Grade.EASY, Grade.HARD};
    for (int i = 0; i < 60; i++) {
      reviews.add(new Review(t, "q" + (i % 7), grades[i % grades.length], 0));
      t = t.plusSeconds(3 * 3600 + i * 977L);
    }
    ReviewEvents events = ReviewEvents.of(reviews);
    Schedule byId = Schedule.replay(events, FsrsParams.defaults(), berlin, 4);
    Schedule byTimeZone = Schedule.replay(events, FsrsParams.defaults(), Zone.of(TimeZone.getTimeZone(berlin)), 4);
    for (int i = 0; i < 7; i++) assertEquals(byId.state("q" + i), byTimeZone.state("q" + i), "q" + i);
    for (LocalDate day = LocalDate.of(2026, 3, 25); day.isBefore(LocalDate.of(2026, 4, 5)); day = day.plusDays(1)) {
      assertEquals(byId.startOf(day), byTimeZone.startOf(day), day.toString());
    }
    assertEquals(berlin, byTimeZone.zone());
  }

  /** Random instants from 1900 to 2100, and each transition's and a second either side of it. */
  private static List<Long> instants(ZoneRules rules, SplittableRandom random) {
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < 300; i++) out.add(random.nextLong(Y1900, Y2100));
    ZoneOffsetTransition tr = rules.nextTransition(Instant.ofEpochSecond(Y1900));
    for (; tr != null && tr.toEpochSecond() < Y2100; tr = rules.nextTransition(tr.getInstant())) {
      out.add(tr.toEpochSecond() - 1);
      out.add(tr.toEpochSecond());
      out.add(tr.toEpochSecond() + 1);
    }
    return out;
  }
}
