import wagtail_factories

from .models import HomePage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Bình dân học vụ số"
    intro = "Học kỹ năng số miễn phí"

    class Meta:
        model = HomePage
