package io.engage.engine.platform.marker;

import java.time.Instant;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface MarkerMapper {

  int insertIfAbsent(@Param("name") String name, @Param("now") Instant now);

  int exists(@Param("name") String name);
}
