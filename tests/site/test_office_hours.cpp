// Office hours need hours context (src/site/office_hours.cpp).
#include <doctest/doctest.h>

#include "helpers.hpp"

using namespace amable;
using test::html_page;

namespace {
size_t hours_in(const std::string& lang, const std::string& body) {
  const auto s = test::site_of({{"index.html", html_page(lang, "Shop", body)}}, lang);
  size_t n = 0;
  for (const auto& h : s.facts.hours) n += !h.hit.structured;
  return n;
}
}  // namespace

TEST_CASE("office hours: days on the same line as the times, or a label heading a line") {
  CHECK(hours_in("es", "<p>Lunes a Viernes: 9:00 - 20:00<br>Sábados: 10:00 - 14:00</p>") == 1);
  CHECK(hours_in("en", "<p>+91 011 69269961 (Customer Support)<br>Timing 10 AM-6 PM</p>") == 1);
  CHECK(hours_in("es", "<footer><p>Calle 51a Sur #81i-53, Bogotá · Lun-Sáb 10 am-7 pm · Dom 9 am-5 pm</p></footer>") == 1);
  CHECK(hours_in("en", "<h3>Opening hours</h3><p>9am - 5pm</p>") == 1);
}

TEST_CASE("office hours: an event on a date, a timeline, times far from any day are not opening hours") {
  CHECK(hours_in("es", "<p>Este sábado 27 y domingo 28, de 10 a 18, se realizará la Feria de Café en la Isla.</p>") == 0);
  CHECK(hours_in("en", "<p>Join us on Saturday 5th from 10am to 4pm for our summer fair.</p>") == 0);
  CHECK(hours_in("es", "<p>Martes 7:15am - Lucía se despierta 7:15 — Postura 7:16 — respiraciones 7:17 — Shot 7:18 — Agua 7:19 — Listo</p>") == 0);
  CHECK(hours_in("es", "<p>La ventana es 7:00-9:30. Idealmente antes de las 9. La consistencia es lo que entrena al cuerpo: "
                       "si cambias mucho de hora cada día de la semana, el cuerpo no establece un patrón y pierdes el efecto "
                       "que buscas con el ritual, así que el lunes y el martes conviene repetir la misma hora.</p>") == 0);
}

TEST_CASE("office hours: days by appointment with no times are not hours") {
  CHECK(hours_in("en", "<h3>Office hours</h3><p>Monday through Friday, by appointment</p>") == 0);
  CHECK(hours_in("es", "<h3>Horario</h3><p>Lunes a viernes, con cita previa</p>") == 0);
  CHECK(hours_in("es", "<h3>Horario de reservas</h3><p>Lunes a Domingo, ininterrumpido</p>") == 1);
}
