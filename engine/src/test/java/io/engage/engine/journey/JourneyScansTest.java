package io.engage.engine.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import io.engage.engine.Api;
import io.engage.engine.EngineTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The birthday and holiday scans at chosen instants: a customer in Asia/Shanghai and one in
 * America/Los_Angeles each start at their own 09:00, exactly once a year, however often the scan
 * or the journey runs.
 */
class JourneyScansTest extends EngineTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @LocalServerPort int port;
  @Autowired BirthdayScan birthdays;
  @Autowired HolidayScan holidays;
  @Autowired TriggerMapper triggers;
  @Autowired TransactionTemplate transactions;
  @Autowired CamundaClient zeebe;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port);
  }

  @Test
  void birthdaysStartAtNineInEachCustomersOwnTimeZoneOnceAYear() {
    register("bd-shanghai", "Asia/Shanghai", "1991-03-15", true);
    register("bd-la", "America/Los_Angeles", "1991-03-15", true);
    register("bd-leap", "Asia/Shanghai", "1992-02-29", true);
    awaitProfiles("bd-shanghai", "bd-la", "bd-leap");

    birthdays.runAt(Instant.parse("2027-03-15T00:59:00Z")); // 08:59 in Shanghai
    assertThat(triggerIds("bd-shanghai")).isEmpty();
    birthdays.runAt(Instant.parse("2027-03-15T01:00:00Z")); // 09:00 in Shanghai, 18:00 on the 14th in LA
    assertThat(triggerIds("bd-shanghai")).containsExactly("birthday:2027");
    assertThat(triggerIds("bd-la")).isEmpty();
    birthdays.runAt(Instant.parse("2027-03-15T15:59:00Z")); // 08:59 PDT in LA
    assertThat(triggerIds("bd-la")).isEmpty();
    birthdays.runAt(Instant.parse("2027-03-15T16:00:00Z")); // 09:00 PDT
    assertThat(triggerIds("bd-la")).containsExactly("birthday:2027");
    birthdays.runAt(Instant.parse("2027-03-15T20:00:00Z"));
    birthdays.runAt(Instant.parse("2027-03-16T16:00:00Z"));
    assertThat(triggerIds("bd-shanghai")).containsExactly("birthday:2027");
    assertThat(triggerIds("bd-la")).containsExactly("birthday:2027");

    // 29 February birthdays are kept on 28 February in other years, and on the day in leap years.
    birthdays.runAt(Instant.parse("2027-02-28T01:00:00Z"));
    birthdays.runAt(Instant.parse("2028-02-28T01:00:00Z"));
    assertThat(triggerIds("bd-leap")).containsExactly("birthday:2027");
    birthdays.runAt(Instant.parse("2028-02-29T01:00:00Z"));
    assertThat(triggerIds("bd-leap")).containsExactly("birthday:2027", "birthday:2028");

    // The journey ran and gave the gift from the birthday rules (BASIC: 50) once ...
    await().atMost(PATIENCE).until(() -> birthdayGifts("bd-shanghai").size() == 1);
    assertThat(birthdayGifts("bd-shanghai").getFirst().path("points").asLong()).isEqualTo(50);
    assertThat(birthdayGifts("bd-shanghai").getFirst().path("explanation").asText()).contains("BASIC birthday gift 50");
    // ... and a restarted journey for the same birthday gives nothing more. (Zeebe lets one instance
    // per customer run at a time for a message start event, so the first is ended first.)
    try {
      zeebe.newCancelInstanceCommand(firstInstance("bd-shanghai", "birthday-care")).send().join();
    } catch (io.camunda.client.api.command.ClientStatusException alreadyEnded) {
      // the greeting went out and the first instance is over
    }
    zeebe.newPublishMessageCommand().messageName("birthday.today").correlationKey("bd-shanghai")
        .messageId("restart-bd-shanghai").variables(Map.of("customerId", "bd-shanghai", "triggerId", "birthday:2027"))
        .send().join();
    await().atMost(PATIENCE).until(() -> instances("bd-shanghai", "birthday-care") == 2);
    await().during(Duration.ofSeconds(2)).atMost(PATIENCE).until(() -> birthdayGifts("bd-shanghai").size() == 1);
  }

  @Test
  void aScanHeldByAnotherNodeIsSkipped() throws Exception {
    Integer skipped = transactions.execute(status -> {
      assertThat(triggers.lockScan("birthday")).isEqualTo("birthday");
      return CompletableFuture.supplyAsync(() -> birthdays.runAt(Instant.parse("2027-03-15T01:00:00Z"))).join();
    });
    assertThat(skipped).isEqualTo(-1);
  }

  @Test
  void holidayGreetingsGoToOptedInCustomersAtTheirOwnNine() {
    Api.Response added = api.postJsonAs("marketer", "/api/journeys/holidays",
        "{\"key\":\"scan-day\",\"name\":\"扫描节\",\"date\":\"2031-05-20\"}");
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    assertThat(api.postJsonAs("marketer", "/api/journeys/holidays", "{\"key\":\"scan-day\",\"name\":\"x\",\"date\":\"2031-05-21\"}")
        .status()).isEqualTo(409);
    assertThat(api.postJsonAs("marketer", "/api/journeys/holidays", "{\"key\":\"Bad Key\",\"name\":\"\",\"date\":\"May\"}")
        .body()).contains("key").contains("name").contains("date");
    register("hol-shanghai", "Asia/Shanghai", null, true);
    register("hol-la", "America/Los_Angeles", null, true);
    register("hol-no-consent", "Asia/Shanghai", null, false);
    awaitProfiles("hol-shanghai", "hol-la", "hol-no-consent");

    holidays.runAt(Instant.parse("2031-05-20T00:30:00Z"));
    assertThat(triggerIds("hol-shanghai")).isEmpty();
    holidays.runAt(Instant.parse("2031-05-20T01:00:00Z"));
    assertThat(triggerIds("hol-shanghai")).containsExactly("holiday:scan-day:2031");
    assertThat(triggerIds("hol-la")).isEmpty();
    assertThat(triggerIds("hol-no-consent")).isEmpty();
    holidays.runAt(Instant.parse("2031-05-20T16:00:00Z"));
    holidays.runAt(Instant.parse("2031-05-20T17:00:00Z"));
    assertThat(triggerIds("hol-la")).containsExactly("holiday:scan-day:2031");
    assertThat(triggerIds("hol-shanghai")).containsExactly("holiday:scan-day:2031");
    assertThat(triggerIds("hol-no-consent")).isEmpty();
    await().atMost(PATIENCE).until(() -> instances("hol-la", "holiday-greetings") == 1);

    assertThat(api.deleteAs("marketer", "/api/journeys/holidays/scan-day").status()).isEqualTo(204);
    assertThat(api.deleteAs("marketer", "/api/journeys/holidays/scan-day").status()).isEqualTo(404);
  }

  @Test
  void theCalendarHasTheLunarHolidaysOfEachYear() {
    assertThat(dates(2026)).containsEntry("spring-festival", "2026-02-17").containsEntry("mid-autumn", "2026-09-25")
        .containsEntry("618", "2026-06-18").containsEntry("double-11", "2026-11-11");
    assertThat(dates(2027)).containsEntry("spring-festival", "2027-02-06").containsEntry("mid-autumn", "2027-09-15");
    assertThat(dates(2030)).containsEntry("spring-festival", "2030-02-03");
    assertThat(dates(2028)).containsEntry("spring-festival", "2028-01-26").containsEntry("mid-autumn", "2028-10-03");
  }

  private Map<String, String> dates(int year) {
    JsonNode list = api.getAs("marketer", "/api/journeys/holidays?year=" + year).json();
    Map<String, String> dates = new java.util.HashMap<>();
    list.forEach(h -> dates.put(h.path("key").asText(), h.path("date").asText()));
    return dates;
  }

  private List<String> triggerIds(String customerId) {
    return triggers.findForCustomer(customerId).stream().map(TriggerMapper.TriggerRow::triggerId).toList();
  }

  private List<JsonNode> birthdayGifts(String customerId) {
    JsonNode ledger = api.getAs("admin", "/api/customers/" + customerId + "/points").json().path("entries");
    return StreamSupport.stream(ledger.spliterator(), false).filter(e -> e.path("kind").asText().equals("BIRTHDAY")).toList();
  }

  private long instances(String customerId, String journey) {
    JsonNode view = api.getAs("admin", "/api/customers/" + customerId + "/journeys").json().path("instances");
    return StreamSupport.stream(view.spliterator(), false).filter(i -> i.path("journey").asText().equals(journey)).count();
  }

  private long firstInstance(String customerId, String journey) {
    JsonNode view = api.getAs("admin", "/api/customers/" + customerId + "/journeys").json().path("instances");
    return StreamSupport.stream(view.spliterator(), false).filter(i -> i.path("journey").asText().equals(journey))
        .findFirst().orElseThrow().path("processInstanceKey").asLong();
  }

  private void awaitProfiles(String... ids) {
    for (String id : ids) {
      await().atMost(PATIENCE).until(() -> api.getAs("admin", "/api/customers/" + id).status() == 200);
    }
  }

  private void register(String customerId, String zone, String birthday, boolean consent) {
    Api.Response response = api.postEvents("""
        {"eventId":"reg-%1$s","customerId":"%1$s","type":"customer.registered","occurredAt":"2026-11-20T10:00:00+08:00",
         "data":{"email":"%1$s@example.com","timeZone":"%2$s",%3$s"preferredChannel":"email","consents":{"email":%4$s}}}
        """.formatted(customerId, zone, birthday == null ? "" : "\"birthday\":\"" + birthday + "\",", consent));
    assertThat(response.status()).as(response.body()).isEqualTo(202);
  }
}
