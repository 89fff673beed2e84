package com.sellergrowth.support.time;

import io.quarkus.arc.DefaultBean;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The service's clock (UTC). Tests replace it with a clock they move; nothing in main code calls Instant.now(). */
@Singleton
public class ClockProducer {
  @Produces
  @DefaultBean
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }
}
