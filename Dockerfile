# Collective Pulse: build the shaded jar with Maven, run it on a JRE as a non-root user.
#   docker build -t collective-pulse .
#   docker run -p 3000:3000 -v pulse-data:/data --env-file .env collective-pulse

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
# Dependencies first: this layer is reused as long as pom.xml does not change.
COPY pom.xml .
RUN mvn -B dependency:go-offline
COPY src ./src
RUN mvn -B -DskipTests package

FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 pulse \
    && useradd --system --uid 10001 --gid pulse --home-dir /app --no-create-home --shell /usr/sbin/nologin pulse \
    && mkdir -p /data \
    && chown pulse:pulse /data
WORKDIR /app
COPY --from=build /build/target/collective-pulse.jar /app/collective-pulse.jar

# Without DATABASE_URL the embedded PostgreSQL keeps its data in PULSE_DATA_DIR, hence the volume.
# PostgreSQL refuses to run as root, so the non-root user is required, not just good practice.
# TieredStopAtLevel=1 (C1 only): on one or two CPUs, C2 compiled this code base for minutes after every start,
# competing with requests (BENCHMARKS.md); remove it when the container gets four CPUs or more.
ENV PORT=3000 \
    PULSE_DATA_DIR=/data \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError -XX:TieredStopAtLevel=1"
VOLUME /data
EXPOSE 3000
USER 10001:10001

# curl ships with the eclipse-temurin images.
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
    CMD curl -fsS "http://127.0.0.1:${PORT}/health" > /dev/null || exit 1

ENTRYPOINT ["java", "-jar", "/app/collective-pulse.jar"]
