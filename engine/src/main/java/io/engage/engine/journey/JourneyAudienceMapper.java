package io.engage.engine.journey;

import org.apache.ibatis.annotations.Mapper;

@Mapper
interface JourneyAudienceMapper {

  /** Every journey starts from a customer's event or a scan over the customers: all of them can enter. */
  long countCustomers();
}
