package io.engage.engine.customer;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface CustomerMapper {

  Customer findById(@Param("id") String id);

  /** Locks the row for the rest of the transaction (tier changes are read-modify-write). */
  Customer findByIdForUpdate(@Param("id") String id);

  int insertIfAbsent(Customer customer);

  int updateRegistration(Customer customer);

  int updateTier(@Param("id") String id, @Param("tier") String tier, @Param("now") Instant now);

  List<CustomerSummary> search(@Param("query") String query, @Param("prefix") String prefix, @Param("limit") int limit);

  void upsertConsent(Consent consent);

  List<Consent> findConsents(@Param("customerId") String customerId);

  int countByReferralCode(@Param("code") String code);

  List<Customers.ScheduleCandidate> findWithBirthdayOn(@Param("days") List<String> monthDays,
      @Param("afterId") String afterId, @Param("limit") int limit);

  List<Customers.ScheduleCandidate> findOptedIn(@Param("afterId") String afterId, @Param("limit") int limit);
}
