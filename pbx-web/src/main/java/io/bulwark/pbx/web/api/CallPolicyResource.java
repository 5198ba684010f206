package io.bulwark.pbx.web.api;

import io.bulwark.pbx.callpolicy.CallPolicyTable;
import io.bulwark.pbx.callpolicy.CallSecurityService;
import io.bulwark.pbx.callpolicy.CallSecuritySettings;
import io.bulwark.pbx.callpolicy.CallSecuritySettingsDraft;
import io.bulwark.pbx.callpolicy.CallingCode;
import io.bulwark.pbx.callpolicy.CallingCodes;
import io.bulwark.pbx.callpolicy.FrequencyHold;
import io.bulwark.pbx.callpolicy.SpendGuardSettings;
import io.bulwark.pbx.callpolicy.SpendLedger;
import io.bulwark.pbx.callpolicy.SpendLimits;
import io.bulwark.pbx.identity.Area;
import io.bulwark.pbx.system.InvalidInputException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code /api/v1/call-policy}: the outbound call policy's settings, the allowed country codes, and
 * "Why was this call denied?" — what the policy would say now, rule by rule, of a call from an
 * extension to a number.
 */
@Path("/call-policy")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Guarded(Area.CALL_SECURITY)
public class CallPolicyResource {

  @Inject private CallPolicyTable policy;
  @Inject private CallSecurityService security;
  @Context private SecurityContext caller;

  /**
   * The guide's default outbound call frequency rule: each extension at most {@code frequencyCalls}
   * outbound calls in {@code frequencySeconds} when {@code frequencyEnabled}; {@code
   * internationalPrefix}: what a number dialled abroad begins with ({@code 00}, {@code 011}), for
   * "Disallow International Calls"; {@code maxCallSeconds}: the guide's Max Call Duration, after
   * which any answered call is hung up (10800 on a new system); {@code version} is sent back with a
   * change.
   */
  public record Settings(
      Boolean frequencyEnabled,
      Integer frequencyCalls,
      Integer frequencySeconds,
      String internationalPrefix,
      Integer maxCallSeconds,
      Integer version) {}

  @GET
  @Path("/settings")
  @APIResponse(responseCode = "200", description = "The call policy's settings")
  public Settings settings() {
    return view(security.settings());
  }

  @PUT
  @Path("/settings")
  @APIResponse(responseCode = "200", description = "The settings as changed")
  @APIResponse(
      responseCode = "400",
      description = "A field is wrong; errors says which",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "409",
      description = "Changed by someone else since the version sent",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public Settings update(Settings input) {
    Settings body = Requests.required(input);
    return view(
        security.update(
            body.version(),
            new CallSecuritySettingsDraft(
                body.frequencyEnabled(),
                body.frequencyCalls(),
                body.frequencySeconds(),
                body.internationalPrefix(),
                body.maxCallSeconds()),
            Requests.actor(caller)));
  }

  private static Settings view(CallSecuritySettings s) {
    return new Settings(
        s.isFrequencyEnabled(),
        s.getFrequencyCalls(),
        s.getFrequencySeconds(),
        s.getInternationalPrefix(),
        s.getMaxCallSeconds(),
        s.getVersion());
  }

  /** A calling code, the countries or regions it reaches, and whether calls to it are allowed. */
  public record CountryCode(String code, List<CallingCode.Region> regions, boolean allowed) {}

  /**
   * The guide's Allowed Country/Region Code Dialing Protection: with {@code enabled}, a number sent
   * to a trunk beginning with {@code internationalPrefix} (set with the settings) or + goes out
   * only when its calling code is in {@code allowed} (written {@code 49} or {@code 1-242}); {@code
   * codes} lists every code, read only.
   */
  public record CountryCodes(
      Boolean enabled,
      String internationalPrefix,
      List<String> allowed,
      List<CountryCode> codes,
      Integer version) {}

  @GET
  @Path("/country-codes")
  @APIResponse(responseCode = "200", description = "The protection and every calling code")
  public CountryCodes countryCodes() {
    return view(security.settings(), CallingCodes.shipped());
  }

  @PUT
  @Path("/country-codes")
  @APIResponse(responseCode = "200", description = "The protection as changed")
  @APIResponse(
      responseCode = "400",
      description = "An unknown code, or enabled missing; errors says which",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "409",
      description = "Changed by someone else since the version sent",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public CountryCodes updateCountryCodes(CountryCodes input) {
    CountryCodes body = Requests.required(input);
    return view(
        security.updateCountryCodes(
            body.version(), body.enabled(), body.allowed(), Requests.actor(caller)),
        CallingCodes.shipped());
  }

  private static CountryCodes view(CallSecuritySettings s, CallingCodes codes) {
    List<CountryCode> all =
        codes.all().stream()
            .map(
                c ->
                    new CountryCode(
                        c.code(), c.regions(), s.getAllowedCodes().contains(c.digits())))
            .toList();
    return new CountryCodes(
        s.isCountryCodesEnabled(),
        s.getInternationalPrefix(),
        all.stream().filter(CountryCode::allowed).map(CountryCode::code).toList(),
        all,
        s.getVersion());
  }

  /**
   * The spend guard: limits (null: none) on outbound minutes in the last 24 hours and international
   * calls in the last hour and 24 hours, per extension and for the PBX; {@code alertOnAnomaly}
   * raises a {@code TOLL_FRAUD_SUSPECTED} alert for a first call to a country outside business
   * hours or a surge of calls, {@code blockOnAnomaly} also refuses that call and disables the
   * extension's outbound calls; {@code spentNow} (read only) is what all extensions spent.
   */
  public record SpendGuard(
      Integer extensionMinutesPerDay,
      Integer globalMinutesPerDay,
      Integer extensionInternationalPerHour,
      Integer extensionInternationalPerDay,
      Integer globalInternationalPerHour,
      Integer globalInternationalPerDay,
      Boolean alertOnAnomaly,
      Boolean blockOnAnomaly,
      SpendLedger.Usage spentNow,
      Integer version) {}

  @GET
  @Path("/spend-guard")
  @APIResponse(responseCode = "200", description = "The spend guard's limits and today's spending")
  public SpendGuard spendGuard() {
    return view(security.spendGuard());
  }

  @PUT
  @Path("/spend-guard")
  @APIResponse(responseCode = "200", description = "The limits as changed")
  @APIResponse(
      responseCode = "400",
      description = "A limit is wrong; errors says which",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "409",
      description = "Changed by someone else since the version sent",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public SpendGuard updateSpendGuard(SpendGuard input) {
    SpendGuard body = Requests.required(input);
    return view(
        security.updateSpendGuard(
            body.version(),
            new SpendLimits(
                body.extensionMinutesPerDay(),
                body.globalMinutesPerDay(),
                body.extensionInternationalPerHour(),
                body.extensionInternationalPerDay(),
                body.globalInternationalPerHour(),
                body.globalInternationalPerDay(),
                !Boolean.FALSE.equals(body.alertOnAnomaly()),
                Boolean.TRUE.equals(body.blockOnAnomaly())),
            Requests.actor(caller)));
  }

  private SpendGuard view(SpendGuardSettings s) {
    SpendLimits l = s.limits();
    return new SpendGuard(
        l.extensionMinutesPerDay(),
        l.globalMinutesPerDay(),
        l.extensionInternationalPerHour(),
        l.extensionInternationalPerDay(),
        l.globalInternationalPerHour(),
        l.globalInternationalPerDay(),
        l.alertOnAnomaly(),
        l.blockOnAnomaly(),
        policy.totalSpend(),
        s.getVersion());
  }

  @GET
  @Path("/frequency-holds")
  @APIResponse(
      responseCode = "200",
      description =
          "The extensions at their outbound call frequency limit now: their calls are denied"
              + " until the time given")
  public List<FrequencyHold> frequencyHolds() {
    return policy.frequencyHolds();
  }

  /**
   * One rule's verdict; {@code status} is the SIP status a denial answers, 0 when allowed; {@code
   * asksForPin}: allowed once the caller keys one of the route's PINs.
   */
  public record RuleVerdict(
      String rule, boolean allowed, int status, String reason, boolean asksForPin) {}

  /**
   * {@code routed}: whether any outbound route takes the number (404 without one); {@code route}
   * and {@code sentNumber}: the route the call would take and what it would send, null when the
   * extension may use none; {@code allowed}: whether every rule allows the call.
   */
  public record Check(
      boolean routed,
      String route,
      String sentNumber,
      boolean allowed,
      List<RuleVerdict> verdicts) {}

  @GET
  @Path("/check")
  @APIResponse(responseCode = "200", description = "Each rule's verdict, in the chain's order")
  @APIResponse(
      responseCode = "400",
      description = "The extension or the number is missing, or the time is none",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public Check check(
      @QueryParam("extension") String extension,
      @QueryParam("number") String number,
      @QueryParam("at") String at) {
    if (extension == null || extension.isBlank() || number == null || number.isBlank()) {
      throw new InvalidInputException(
          extension == null || extension.isBlank() ? "extension" : "number",
          "Give the calling extension and the number it dials");
    }
    Instant when =
        at == null || at.isBlank()
            ? policy.now()
            : policy
                .instantOf(at)
                .orElseThrow(
                    () ->
                        new InvalidInputException(
                            "at",
                            "A time such as 2026-12-24T22:00 (business hours' time zone)"
                                + " or 2026-12-24T21:00Z"));
    CallPolicyTable.CallCheck found = policy.check(extension.strip(), number.strip(), when);
    List<RuleVerdict> verdicts =
        found.judgements().stream()
            .map(
                j ->
                    new RuleVerdict(
                        j.rule(),
                        j.verdict().allowed(),
                        j.verdict().status(),
                        j.verdict().reason(),
                        j.verdict().challenges()))
            .toList();
    return new Check(
        found.routed(),
        found.route(),
        found.sentNumber(),
        found.routed() && verdicts.stream().allMatch(RuleVerdict::allowed),
        verdicts);
  }
}
