package io.bulwark.pbx.web.monitoring;

import io.bulwark.pbx.cdr.CallRecords;
import io.bulwark.pbx.cdr.LiveCalls;
import io.bulwark.pbx.defense.DefenseTable;
import io.bulwark.pbx.defense.Firewall;
import io.bulwark.pbx.event.EventType;
import io.bulwark.pbx.event.SecurityEventGate;
import io.bulwark.pbx.location.LocationService;
import io.bulwark.pbx.location.Locations;
import io.bulwark.pbx.system.SipStatus;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * {@code GET /metrics}: Bulwark's counters and gauges and the JVM's, in Prometheus' text format.
 * Answered to loopback only, like {@code /health}: a Prometheus server or agent on the appliance
 * scrapes it; nothing in it is for strangers (traffic by response code tells a scanner how it is
 * doing). Names and meanings: README, section Monitoring.
 */
@WebServlet("/metrics")
public class MetricsServlet extends HttpServlet {

  @Inject private SipStatus sip;
  @Inject private LocationService locations;
  @Inject private SecurityEventGate events;
  @Inject private LiveCalls liveCalls;
  @Inject private CallRecords callRecords;
  @Inject private DefenseTable defenses;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!LoopbackOnly.admit(request, response)) {
      return;
    }
    PrometheusText text = new PrometheusText();
    sip(text);
    defense(text);
    registrations(text);
    calls(text);
    securityEvents(text);
    jvm(text);
    byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
    response.setContentType("text/plain; version=0.0.4");
    response.setCharacterEncoding("UTF-8");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private void sip(PrometheusText text) {
    sip.traffic()
        .ifPresent(
            traffic ->
                text.counters(
                        "bulwark_sip_requests_total",
                        "SIP requests received, by method (OTHER for methods outside the RFCs).",
                        "method",
                        traffic.requestsByMethod())
                    .counters(
                        "bulwark_sip_responses_total",
                        "SIP responses sent by the application, by status code.",
                        "code",
                        traffic.responsesByStatus())
                    .counter(
                        "bulwark_sip_udp_datagrams_received_total",
                        "UDP datagrams received on the SIP port.",
                        traffic.datagramsReceived())
                    .counter(
                        "bulwark_sip_udp_refused_total",
                        "New requests answered 503 with Retry-After because SIP was over capacity.",
                        traffic.datagramsRefused())
                    .counter(
                        "bulwark_sip_udp_dropped_total",
                        "UDP datagrams dropped because SIP was over capacity.",
                        traffic.datagramsDropped())
                    .gauge(
                        "bulwark_sip_udp_queue_depth",
                        "UDP datagrams waiting for a SIP thread now.",
                        traffic.datagramsQueued())
                    .counter(
                        "bulwark_sip_udp_shut_out_total",
                        "UDP datagrams dropped unread because the firewall refused their source.",
                        traffic.datagramsShutOut()));
  }

  private void defense(PrometheusText text) {
    Firewall firewall = defenses.firewall();
    text.gauge(
            "bulwark_defense_blocks_active",
            "Blocked IPs in force now: by hand, by auto defense, lockout, scanner or decoy.",
            firewall.blocked().inForce())
        .gauge(
            "bulwark_defense_blocklist_entries",
            "Addresses and networks the global blocklist names.",
            firewall.blocklistEntries())
        .counter(
            "bulwark_defense_kernel_dropped_total",
            "Packets of blocked sources the kernel backend dropped (0 while it is off).",
            defenses.kernelBlockedPackets());
  }

  private void registrations(PrometheusText text) {
    Locations all = locations.locations();
    long[] counts = new long[2];
    all.forEachActive(
        (aor, bindings) -> {
          counts[0]++;
          counts[1] += bindings.size();
        });
    text.gauge(
            "bulwark_registered_extensions",
            "Extensions with at least one registered contact.",
            counts[0])
        .gauge("bulwark_registrations_active", "Registered contacts (bindings).", counts[1])
        .gauge(
            "bulwark_registrations_unwritten",
            "Addresses of record changed in memory and not yet written to the database.",
            all.dirtyCount());
  }

  private void calls(PrometheusText text) {
    Map<String, Long> byDisposition = new TreeMap<>();
    callRecords
        .endedByDisposition()
        .forEach((d, count) -> byDisposition.put(d.name().toLowerCase(Locale.ROOT), count));
    text.gauge("bulwark_calls_active", "Calls ringing or up now.", liveCalls.count())
        .counters(
            "bulwark_calls_total",
            "Calls ended since the start, by disposition.",
            "disposition",
            byDisposition)
        .gauge(
            "bulwark_call_records_unwritten",
            "Call records waiting to be written to the database.",
            callRecords.waiting());
  }

  private void securityEvents(PrometheusText text) {
    Map<String, Long> byType = new TreeMap<>();
    events
        .throttle()
        .offeredByType()
        .forEach((type, count) -> byType.put(type.name().toLowerCase(Locale.ROOT), count));
    text.counters(
        "bulwark_security_events_total",
        "Security decisions, by event type, before the event log aggregates them; failed"
            + " authentications are type "
            + EventType.REGISTRATION_FAILED.name().toLowerCase(Locale.ROOT)
            + ".",
        "type",
        byType);
  }

  private static void jvm(PrometheusText text) {
    var memory = ManagementFactory.getMemoryMXBean();
    Map<String, Long> used = new LinkedHashMap<>();
    Map<String, Long> committed = new LinkedHashMap<>();
    put(used, committed, "heap", memory.getHeapMemoryUsage());
    put(used, committed, "nonheap", memory.getNonHeapMemoryUsage());
    Map<String, Long> collections = new TreeMap<>();
    Map<String, Double> collectionSeconds = new TreeMap<>();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      collections.put(gc.getName(), Math.max(0, gc.getCollectionCount()));
      collectionSeconds.put(gc.getName(), Math.max(0, gc.getCollectionTime()) / 1000.0);
    }
    text.gauges("jvm_memory_used_bytes", "JVM memory in use, by area.", "area", used)
        .gauges("jvm_memory_committed_bytes", "JVM memory committed, by area.", "area", committed)
        .gauge(
            "jvm_memory_max_bytes",
            "Largest heap the JVM may use.",
            memory.getHeapMemoryUsage().getMax())
        .gauge(
            "jvm_threads_live",
            "Live JVM threads.",
            ManagementFactory.getThreadMXBean().getThreadCount())
        .counters(
            "jvm_gc_collections_total", "Garbage collections, by collector.", "gc", collections)
        .counters(
            "jvm_gc_collection_seconds_total",
            "Time spent in garbage collection, by collector.",
            "gc",
            collectionSeconds)
        .gauge(
            "process_start_time_seconds",
            "When the process started, in seconds since the epoch.",
            ManagementFactory.getRuntimeMXBean().getStartTime() / 1000.0);
    long cpuNanos = processCpuNanos();
    if (cpuNanos >= 0) {
      text.counter("process_cpu_seconds_total", "CPU time the process used.", cpuNanos / 1e9);
    }
    long resident = residentBytes();
    if (resident > 0) {
      text.gauge("process_resident_memory_bytes", "Resident memory of the process.", resident);
    }
  }

  private static void put(
      Map<String, Long> used, Map<String, Long> committed, String area, MemoryUsage usage) {
    used.put(area, usage.getUsed());
    committed.put(area, usage.getCommitted());
  }

  /**
   * The process's CPU time, read as an MBean attribute: the deployment cannot see the JDK's {@code
   * com.sun.management} interface that declares it.
   */
  private static long processCpuNanos() {
    try {
      Object value =
          ManagementFactory.getPlatformMBeanServer()
              .getAttribute(new ObjectName("java.lang:type=OperatingSystem"), "ProcessCpuTime");
      return value instanceof Long nanos ? nanos : -1;
    } catch (JMException e) {
      return -1;
    }
  }

  /** VmRSS from /proc on Linux; 0 elsewhere. */
  private static long residentBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return 0;
  }
}
