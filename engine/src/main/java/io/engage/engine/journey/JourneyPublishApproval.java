package io.engage.engine.journey;

import io.engage.engine.approval.Approval;
import io.engage.engine.approval.ApprovalHandler;
import io.engage.engine.approval.Approvals;
import io.engage.engine.platform.crypto.Hashes;
import io.engage.engine.platform.web.ApiProblemException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Publishing a journey whose entry audience is larger than {@code engage.approvals.journey-audience-threshold}
 * waits for a second marketer (or ADMIN). The entry audience is every customer: each journey starts
 * from a customer's own event or from a scan over all customers. A BPMN identical to the latest
 * version, and an invalid one (refused at once), need no approval.
 */
@Component
class JourneyPublishApproval implements ApprovalHandler {

  static final String KIND = "journey.publish";

  private final JourneyCatalog catalog;
  private final Approvals approvals;
  private final JourneyAudienceMapper audience;

  JourneyPublishApproval(JourneyCatalog catalog, Approvals approvals, JourneyAudienceMapper audience) {
    this.catalog = catalog;
    this.approvals = approvals;
    this.audience = audience;
  }

  /** The pending approval when this publication needs one; empty when it may deploy now. */
  Optional<Approval> requestIfNeeded(byte[] xml, Authentication requester) {
    if (!approvals.enabled()) {
      return Optional.empty();
    }
    JourneyModel model = catalog.validated(xml);
    long customers = audience.countCustomers();
    if (customers <= approvals.journeyAudienceThreshold() || catalog.isLatest(model.processId(), xml)) {
      return Optional.empty();
    }
    String text = new String(xml, StandardCharsets.UTF_8);
    String checksum = Hashes.sha256Hex(text).substring(0, 12);
    return Optional.of(approvals.request(KIND, "journey", model.processId() + ":" + checksum,
        "Publish journey " + model.processId() + " to an audience of " + customers + " customers",
        Map.of("journey", model.processId(), "bpmn", text, "audience", customers), requester));
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void checkApprover(Approval approval, Authentication approver) {
    boolean allowed = approver.getAuthorities().stream()
        .anyMatch(a -> a.getAuthority().equals("ROLE_MARKETER") || a.getAuthority().equals("ROLE_ADMIN"));
    if (!allowed) {
      throw new ApiProblemException(HttpStatus.FORBIDDEN, "Forbidden", "Only marketers publish journeys", List.of());
    }
  }

  @Override
  public Object perform(Approval approval, Authentication approver) {
    byte[] xml = approval.text("bpmn").getBytes(StandardCharsets.UTF_8);
    return JourneyController.describe(catalog.deploy(xml, approver.getName(), JourneyCatalog.API));
  }
}
