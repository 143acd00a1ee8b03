"""`discover.published_project` tells the cloud project a published configuration's folder belongs to; it is
asked for every file a check reads, so it splits a path only when its last folder is `app.publish`."""

from __future__ import annotations

import posixpath

import pytest

from migcheck.discover import published_project


def by_splitting(folder: str) -> str:
    """What `published_project` answers, worked out by splitting every path."""
    build, name = posixpath.split(folder)
    project, build_output = posixpath.split(posixpath.dirname(build))
    return project if name.lower() == "app.publish" and build_output.lower() == "bin" else ""


@pytest.mark.parametrize(
    "folder",
    [
        "shop/WebRole/bin/Release/app.publish",
        "shop/WebRole/Bin/Debug/App.Publish",
        "bin/Release/app.publish",
        "app.publish",
        "shop/bin/Release/app.publish/",
        "shop//bin/Release//app.publish",
        "/abs/shop/bin/Release/app.publish",
        "shop/obj/Release/app.publish",
        "shop/bin/app.publish",
        "shop/WebRole",
        "shop/app.publish.old",
        "",
        "/",
    ],
)
def test_the_project_of_a_published_folder_is_the_one_splitting_the_path_finds(folder: str) -> None:
    assert published_project(folder) == by_splitting(folder)
