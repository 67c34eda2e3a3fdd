package idrill;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SystemClockTest {
  final TimeZone saved = TimeZone.getDefault();

  @AfterEach
  void restore() {
    TimeZone.setDefault(saved);
  }

  @Test
  void todayFromTimeZoneIsJavaTimesToday() {
    for (String zone : new String[] {"UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago", "America/St_Johns",
        "Asia/Kathmandu", "Europe/Berlin"}) {
      TimeZone.setDefault(TimeZone.getTimeZone(zone));
      SystemClock clock = new SystemClock();
      LocalDate before = LocalDate.now(clock);
      LocalDate today = clock.today();
      LocalDate after = LocalDate.ofInstant(Instant.now(), TimeZone.getDefault().toZoneId());
      // midnight may pass between the reads: today is one of the two
      assertEquals(true, today.equals(before) || today.equals(after), zone + ": " + today + " vs " + before);
    }
  }
}
