-- One database per service (docker-compose only; scripts/infra-up.sh does the same locally).
CREATE DATABASE coupon;
CREATE DATABASE gift;
CREATE DATABASE attribution;
CREATE DATABASE risk;
CREATE DATABASE shortlink;
CREATE DATABASE direct;
