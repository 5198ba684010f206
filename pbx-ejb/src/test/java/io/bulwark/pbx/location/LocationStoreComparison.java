package io.bulwark.pbx.location;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bulwark.pbx.location.RegisterRequest.ContactExpiry;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.manager.DefaultCacheManager;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Measures the location service on the two stores DESIGN.md names: the concurrent map Bulwark ships
 * and an Infinispan local cache, the store a cluster would use. Registers 100,000 extensions, then
 * refreshes them from two threads (the machine's cores) for a fixed count, and reports REGISTER
 * applications per second and heap per binding. Run with {@code ./mvnw -pl pbx-ejb test
 * -Dgroups=perf -DexcludedGroups=}; the figures go to bench/RESULTS.md.
 */
@Tag("perf")
class LocationStoreComparison {

  private static final int ADDRESSES = 100_000;
  private static final int THREADS = 2;
  private static final int REFRESHES_PER_THREAD = 2_000_000;

  @Test
  void concurrentHashMap() throws Exception {
    measure("ConcurrentHashMap", new ConcurrentHashMap<>(1 << 17));
  }

  @Test
  void infinispanLocalCache() throws Exception {
    var global = new GlobalConfigurationBuilder().nonClusteredDefault();
    global.cacheContainer().statistics(false);
    try (var manager = new DefaultCacheManager(global.build())) {
      var config = new ConfigurationBuilder();
      config.statistics().enabled(false);
      manager.defineConfiguration("locations", config.build());
      ConcurrentMap<String, AorBindings> cache = manager.getCache("locations");
      measure("Infinispan 16 local cache", cache);
    }
  }

  private static void measure(String name, ConcurrentMap<String, AorBindings> map)
      throws Exception {
    Locations locations =
        new Locations(
            new ConcurrentMapLocationStore(map),
            new RegistrationRules(RegistrationPolicy.STANDARD),
            Clock.systemUTC());
    long heapBefore = usedHeapAfterGc();
    for (int i = 0; i < ADDRESSES; i++) {
      locations.register(request(i, 1), 1);
    }
    long heapAfter = usedHeapAfterGc();
    assertEquals(ADDRESSES, locations.addressCount());

    for (int round = 0; round < 2; round++) { // the first round warms the JIT up
      AtomicLong cseq = new AtomicLong(2);
      CountDownLatch done = new CountDownLatch(THREADS);
      long start = System.nanoTime();
      for (int t = 0; t < THREADS; t++) {
        int offset = t;
        new Thread(
                () -> {
                  for (int i = 0; i < REFRESHES_PER_THREAD; i++) {
                    int aor = (i * 7919 + offset * 50_021) % ADDRESSES;
                    locations.register(request(aor, cseq.getAndIncrement()), 1);
                  }
                  done.countDown();
                })
            .start();
      }
      done.await();
      double seconds = (System.nanoTime() - start) / 1e9;
      if (round == 1) {
        System.out.printf(
            "%s: %,.0f REGISTER applications/s on %d threads; %,d bytes of heap per binding%n",
            name,
            THREADS * REFRESHES_PER_THREAD / seconds,
            THREADS,
            (heapAfter - heapBefore) / ADDRESSES);
      }
    }
  }

  private static RegisterRequest request(int aor, long cseq) {
    String number = Integer.toString(100_001 + aor);
    return new RegisterRequest(
        number,
        List.of(new ContactExpiry("sip:" + number + "@127.0.3.1:5060", null)),
        false,
        3600,
        "call-" + number,
        cseq,
        "127.0.3.1",
        5060,
        "UDP",
        "sipp");
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
