package io.engage.engine.journey;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface HolidayMapper {

  List<HolidayRow> findAll();

  int insertIfAbsent(@Param("h") HolidayRow holiday, @Param("by") String by, @Param("at") Instant at);

  int delete(@Param("key") String key);

  record HolidayRow(String holidayKey, String name, String rule, Integer year, int month, int day, boolean shipped) {}
}
