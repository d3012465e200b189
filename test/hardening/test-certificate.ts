// A certificate for *.my.salesforce.test and login.salesforce.test (its own authority, valid until
// 2126), so https tests can use Salesforce-shaped host names that are not loopback and still
// verify TLS by trusting exactly this certificate. Generated with:
//   openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 36500 \
//     -subj /CN=salesforce.test -addext subjectAltName=DNS:*.my.salesforce.test,DNS:login.salesforce.test \
//     -addext basicConstraints=critical,CA:TRUE
export const testKey = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgCVdjND/WySeUIOco
aNzHugFBu+63+/78tDevNuychI+hRANCAATgzdob1PZNosYK5ZQMa9wCwoRy2c9E
KbDWIQ/iSuHy/x+gt1nj0Hdty4Mod9nfe8Tjc4lcPphZ8zrF1PmAg6mi
-----END PRIVATE KEY-----`;

export const testCertificate = `-----BEGIN CERTIFICATE-----
MIIBxTCCAWugAwIBAgIULzJkoRl48pFdVkiBec50YxvtUBcwCgYIKoZIzj0EAwIw
GjEYMBYGA1UEAwwPc2FsZXNmb3JjZS50ZXN0MCAXDTI2MTEyODExMjIzMVoYDzIx
MjYxMTA0MTEyMjMxWjAaMRgwFgYDVQQDDA9zYWxlc2ZvcmNlLnRlc3QwWTATBgcq
hkjOPQIBBggqhkjOPQMBBwNCAATgzdob1PZNosYK5ZQMa9wCwoRy2c9EKbDWIQ/i
SuHy/x+gt1nj0Hdty4Mod9nfe8Tjc4lcPphZ8zrF1PmAg6mio4GMMIGJMB0GA1Ud
DgQWBBRvyobmyVL7pZ1SgMO8+vvEEKlUHjAfBgNVHSMEGDAWgBRvyobmyVL7pZ1S
gMO8+vvEEKlUHjA2BgNVHREELzAtghQqLm15LnNhbGVzZm9yY2UudGVzdIIVbG9n
aW4uc2FsZXNmb3JjZS50ZXN0MA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwID
SAAwRQIhAIOaMKzfJQD8Ny8xEC1ha11pHh4RgRs8twFqZ/HVcVfPAiAgJh+Z49jz
wfbprUOjZ2mbs0qgBeGVb+gZ4YIOvkuL+Q==
-----END CERTIFICATE-----`;
