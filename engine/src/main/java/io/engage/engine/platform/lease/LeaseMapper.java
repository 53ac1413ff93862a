package io.engage.engine.platform.lease;

import java.time.Instant;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface LeaseMapper {

  int insertIfAbsent(@Param("name") String name, @Param("owner") String owner, @Param("until") Instant until);

  /** 1 when the lease was free (expired) or already ours, and is now ours until {@code until}. */
  int take(@Param("name") String name, @Param("owner") String owner, @Param("now") Instant now, @Param("until") Instant until);

  int release(@Param("name") String name, @Param("owner") String owner, @Param("now") Instant now);
}
