package io.engage.engine.customer360;

import io.engage.engine.complaint.Complaints;
import io.engage.engine.coupon.Coupons;
import io.engage.engine.customer.Customer;
import io.engage.engine.customer.CustomerSummary;
import io.engage.engine.customer.Customers;
import io.engage.engine.journey.JourneyHistory;
import io.engage.engine.lifecycle.Lifecycle;
import io.engage.engine.loyalty.Loyalty;
import io.engage.engine.rfm.Rfm;
import io.engage.engine.segment.Segments;
import io.engage.engine.messaging.MessageHistory;
import io.engage.engine.platform.web.ApiProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/customers")
@Tag(name = "Customers", description = "Customer search and the 360 view")
class Customer360Controller {

  private static final int RECENT = 200;
  private final Customers customers;
  private final Loyalty loyalty;
  private final JourneyHistory journeys;
  private final MessageHistory messages;
  private final Rfm rfm;
  private final Lifecycle lifecycle;
  private final Segments segments;
  private final Complaints complaints;
  private final Coupons coupons;

  Customer360Controller(Customers customers, Loyalty loyalty, JourneyHistory journeys, MessageHistory messages, Rfm rfm,
      Lifecycle lifecycle, Segments segments, Complaints complaints, Coupons coupons) {
    this.rfm = rfm;
    this.lifecycle = lifecycle;
    this.segments = segments;
    this.customers = customers;
    this.loyalty = loyalty;
    this.journeys = journeys;
    this.messages = messages;
    this.complaints = complaints;
    this.coupons = coupons;
  }

  @Operation(summary = "Find customers by id prefix or exact email")
  @GetMapping
  List<CustomerSummary> search(@RequestParam(name = "q", defaultValue = "") String query,
      @RequestParam(defaultValue = "20") int limit) {
    return customers.search(query, Math.clamp(limit, 1, 100));
  }

  @Operation(summary = "The 360 view: profile, consent, tier history, points with explanations, orders, journeys, messages,"
      + " message events (opened, clicked, delivered, bounced, unsubscribed), identity, tags, RFM with CLV, lifecycle stage and history, segments, complaints, coupons")
  @GetMapping("/{id}")
  @Transactional(readOnly = true)
  Customer360 get(@PathVariable String id) {
    Customer profile = customers.find(id).orElseThrow(() -> ApiProblemException.notFound("Customer " + id));
    return new Customer360(
        profile,
        customers.consents(id),
        loyalty.tierOverride(id).orElse(null),
        loyalty.tierHistory(id),
        loyalty.referral(id).orElse(null),
        new Customer360.Points(loyalty.balance(id), loyalty.ledger(id, RECENT)),
        loyalty.orders(id, RECENT),
        journeys.forCustomer(id),
        messages.forCustomer(id, RECENT),
        messages.eventsForCustomer(id, RECENT),
        customers.identity(id).orElse(null),
        customers.tags(id),
        rfm.find(id).orElse(null),
        lifecycle.stage(id).orElse(null),
        lifecycle.history(id, RECENT),
        segments.segmentsOf(id),
        complaints.forCustomer(id, RECENT),
        coupons.forCustomer(id, RECENT));
  }
}
