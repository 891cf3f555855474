-- One database per service (docker-compose.yml mounts this into PostgreSQL's first-start scripts).
CREATE DATABASE quiz;
CREATE DATABASE scoring;
CREATE DATABASE lottery;
CREATE DATABASE reporting;
