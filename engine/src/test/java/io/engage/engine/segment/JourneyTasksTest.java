package io.engage.engine.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.engage.bpmn.Journeys;
import io.engage.engine.EngineTest;
import io.engage.engine.customer.CustomerTag;
import io.engage.engine.customer.Customers;
import io.engage.engine.lifecycle.CustomerStage;
import io.engage.engine.lifecycle.Lifecycle;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The three customer-data job types of the journey contract, run by Zeebe through a small process:
 * tag the customer, check a saved segment (output inSegment), set the lifecycle stage.
 */
class JourneyTasksTest extends EngineTest {

  @Autowired CamundaClient zeebe;
  @Autowired Segments segments;
  @Autowired Customers customers;
  @Autowired Lifecycle lifecycle;
  @Autowired JdbcTemplate jdbc;

  @Test
  void tagCheckSegmentAndSetStageFollowTheContract() throws Exception {
    String id = "jt-1";
    jdbc.update("INSERT INTO customer (id, time_zone, locale, preferred_channel, tier, created_at, updated_at)"
        + " VALUES (?, 'Asia/Shanghai', 'zh-CN', 'EMAIL', 'BASIC', NOW(3), NOW(3))", id);
    segments.create("nurtured", "Nurtured", null, new ObjectMapper().readTree(
        "{\"field\": \"tag\", \"op\": \"has\", \"value\": \"nurture\"}"), "test");

    BpmnModelInstance model = Bpmn.createExecutableProcess("jt-contract")
        .startEvent()
        .serviceTask("Tag", t -> t.zeebeJobType(Journeys.TAG_CUSTOMER).zeebeTaskHeader("tag", "nurture"))
        .serviceTask("Check", t -> t.zeebeJobType(Journeys.CHECK_SEGMENT).zeebeTaskHeader("segment", "nurtured"))
        .serviceTask("Stage", t -> t.zeebeJobType(Journeys.SET_LIFECYCLE_STAGE).zeebeTaskHeader("stage", "churned")
            .zeebeTaskHeader("reason", "no answer to two offers"))
        .endEvent()
        .done();
    zeebe.newDeployResourceCommand().addProcessModel(model, "jt-contract.bpmn").send().join();
    var result = zeebe.newCreateInstanceCommand().bpmnProcessId("jt-contract").latestVersion()
        .variables(Map.of("customerId", id)).withResult().requestTimeout(Duration.ofSeconds(30)).send().join();

    assertThat(result.getVariablesAsMap()).containsEntry("inSegment", true);
    assertThat(customers.tags(id)).extracting(CustomerTag::tag).containsExactly("nurture");
    assertThat(customers.tags(id).getFirst().source()).isEqualTo("journey:jt-contract");
    await().atMost(Duration.ofSeconds(10)).until(() -> lifecycle.stage(id).map(CustomerStage::stage).orElse(""), "churned"::equals);
    assertThat(lifecycle.history(id, 1).getFirst().reason()).isEqualTo("journey jt-contract: no answer to two offers");
    assertThat(segments.members("nurtured", null, 10)).containsExactly(id);
  }
}
